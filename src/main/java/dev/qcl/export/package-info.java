/**
 * Export: reads a tenant's connections and writes them as an input CSV that {@code qcl run} loads back.
 * Uses {@code qlik}, {@code connector} and {@code csv}; only the command line uses it.
 */
package dev.qcl.export;

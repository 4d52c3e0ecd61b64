/** Export: reads a tenant's connections and writes them as an input CSV that {@code qcl run} loads back. */
package dev.qcl.export;

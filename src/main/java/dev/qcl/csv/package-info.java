/**
 * Reading the input CSV: file checks, streaming and restartable row reading, and value references
 * ({@code ${env:}}, {@code ${file:}}), and how a name is read wherever one is compared ({@code Names}). Uses no other qcl package.
 */
package dev.qcl.csv;

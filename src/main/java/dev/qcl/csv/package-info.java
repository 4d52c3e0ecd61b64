/**
 * Reading the input CSV: file checks, streaming and restartable row reading, and value references
 * ({@code ${env:}}, {@code ${file:}}). Uses no other qcl package.
 */
package dev.qcl.csv;

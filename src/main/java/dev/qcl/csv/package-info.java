/** Reading the input CSV: file checks, streaming and restartable row reading, and value references. */
package dev.qcl.csv;

/**
 * Reading the input file, a CSV or a sheet of a workbook: file checks, streaming and restartable row
 * reading, value references ({@code ${env:}}, {@code ${file:}}), and how a name is read wherever one is
 * compared ({@code Names}). Uses only {@code workbook}, which reads a workbook's sheet as rows of text cells.
 */
package dev.qcl.csv;

/** The report folder of a run: results.csv, failed.csv, summary.json and a self-contained report.html. */
package dev.qcl.report;

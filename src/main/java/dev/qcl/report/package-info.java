/** The report folder of a run: results.csv, failed.csv and summary.json. */
package dev.qcl.report;

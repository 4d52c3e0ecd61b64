/**
 * The report folder of a run: results.csv, failed.csv, summary.json and a self-contained report.html.
 * Reads what a run left ({@code launch}'s run history, {@code results}); writes to no database.
 */
package dev.qcl.report;

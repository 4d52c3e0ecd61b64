/**
 * What the commands print while they work and when they end: the progress bar or lines, the diff of a
 * plan, durations and terminal detection. Uses the run's counters ({@code run}, {@code qlik}'s HTTP
 * statistics), never the commands themselves.
 */
package dev.qcl.cli.output;

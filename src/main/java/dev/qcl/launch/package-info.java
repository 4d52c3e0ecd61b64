/**
 * Runs and their bookkeeping: start, continue a label's series, restart, rerun the failed rows, stop,
 * recover runs of dead processes, and the run history. Uses {@code job} and the layers below it.
 */
package dev.qcl.launch;

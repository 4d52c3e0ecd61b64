/** The load job: its wiring, the row-by-row validation, sending and results, restarts and run history. */
package dev.qcl.batch;

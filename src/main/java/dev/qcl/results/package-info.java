/**
 * Results: one per input row and run, stored with the chunk that made them (plain rows in blocks,
 * problem rows one by one), read back in row order, and the run's timeline. Uses {@code csv}'s text
 * rules only; every layer above reads results through {@link dev.qcl.results.ResultRepository}.
 */
package dev.qcl.results;

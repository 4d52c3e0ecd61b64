/**
 * What a run does with one validated row: the decision (create, update, skip, fail), the write journal
 * around it, the secret fingerprints, and sending rows concurrently ahead of the chunk. Uses {@code run},
 * {@code results}, {@code settings}, {@code qlik}, {@code connector} and {@code csv}; not the job's wiring.
 */
package dev.qcl.rows;

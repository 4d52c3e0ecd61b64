package dev.qcl.results;

import java.time.Instant;

/**
 * The state of a run at one moment, sampled every few seconds while it runs, for the report's
 * throughput and throttling chart. Counters are cumulative over the run's executions.
 *
 * @param rowsDone rows with a result so far
 * @param throttled 429 answers received so far
 */
public record TimelineSample(Instant at, long rowsDone, long throttled) {}

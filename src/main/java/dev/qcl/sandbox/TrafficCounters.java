package dev.qcl.sandbox;

import java.util.concurrent.atomic.AtomicLong;

/** What the sandbox received, for tests and benchmarks to assert on. */
final class TrafficCounters {

    final AtomicLong creates = new AtomicLong();
    final AtomicLong writes = new AtomicLong();
    final AtomicLong throttled = new AtomicLong();
    /** Authenticated GETs (and other non-writes), whatever the answer. */
    final AtomicLong reads = new AtomicLong();
}

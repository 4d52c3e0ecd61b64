package dev.qcl.run;

import dev.qcl.results.RowStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Live counts of the results written so far in this process, for progress output. */
public final class RunProgress {
    private final AtomicLongArray counts = new AtomicLongArray(RowStatus.values().length);
    private volatile long totalRows;

    public void record(RowStatus status) {
        counts.incrementAndGet(status.ordinal());
    }

    /** A result counted as {@code was} turned out to be {@code is} (a restart settling an unanswered update). */
    public void recount(RowStatus was, RowStatus is) {
        counts.decrementAndGet(was.ordinal());
        counts.incrementAndGet(is.ordinal());
    }

    public void expect(long rows) {
        totalRows = rows;
    }

    public long totalRows() {
        return totalRows;
    }

    public long done() {
        long done = 0;
        for (int i = 0; i < counts.length(); i++) {
            done += counts.get(i);
        }
        return done;
    }

    public Map<RowStatus, Long> counts() {
        Map<RowStatus, Long> snapshot = new EnumMap<>(RowStatus.class);
        for (RowStatus status : RowStatus.values()) {
            long n = counts.get(status.ordinal());
            if (n > 0) {
                snapshot.put(status, n);
            }
        }
        return snapshot;
    }
}

package dev.qcl.run;

import dev.qcl.results.RowStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLongArray;

/** Live counts of the results written so far in this process, for progress output. */
public final class RunProgress {
    private final AtomicLongArray counts = new AtomicLongArray(RowStatus.values().length);
    private volatile long totalRows;
    private final RunProgress whole;
    private final Map<String, RunProgress> tenants = new ConcurrentSkipListMap<>();

    public RunProgress() {
        this(null);
    }

    private RunProgress(RunProgress whole) {
        this.whole = whole;
    }

    public void record(RowStatus status) {
        counts.incrementAndGet(status.ordinal());
        if (whole != null) {
            whole.record(status);
        }
    }

    /** A result counted as {@code was} turned out to be {@code is} (a restart settling an unanswered update). */
    public void recount(RowStatus was, RowStatus is) {
        counts.decrementAndGet(was.ordinal());
        counts.incrementAndGet(is.ordinal());
        if (whole != null) {
            whole.recount(was, is);
        }
    }

    /** The progress of one tenant's part of a run over several; what it counts is counted here too. */
    public RunProgress ofTenant(String alias) {
        return tenants.computeIfAbsent(alias, a -> new RunProgress(this));
    }

    /** Each tenant's progress by alias, in alias order; empty in a run over one tenant. */
    public Map<String, RunProgress> tenants() {
        return java.util.Collections.unmodifiableMap(tenants);
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

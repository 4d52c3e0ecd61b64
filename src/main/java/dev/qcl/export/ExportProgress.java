package dev.qcl.export;

import java.util.concurrent.atomic.AtomicInteger;

/** Live counts of an export, for the progress bar: connections listed, read, and not readable. */
public final class ExportProgress {
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger read = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    void expect(int connections) {
        total.set(connections);
    }

    void read() {
        read.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }

    public int total() {
        return total.get();
    }

    /** Connections read or given up, the finished part of {@link #total()}. */
    public int done() {
        return read.get() + failed.get();
    }

    public int failedCount() {
        return failed.get();
    }
}

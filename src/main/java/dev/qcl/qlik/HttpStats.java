package dev.qcl.qlik;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe HTTP counters of one run: requests sent, retries, 429s received and the time the
 * tiers were paused by them. {@link #restore} carries the totals of earlier executions over.
 */
public final class HttpStats {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong throttleWaitMillis = new AtomicLong();
    private final HttpStats whole;

    public HttpStats() {
        this(null);
    }

    /** The counters of one tenant of a run over several: what they count, {@code whole} counts too. */
    public HttpStats(HttpStats whole) {
        this.whole = whole;
    }

    /** The counters at one moment. */
    public record Snapshot(long requests, long retries, long throttled, long throttleWaitMillis) {}

    public long requests() {
        return requests.get();
    }

    public long retries() {
        return retries.get();
    }

    public long throttled() {
        return throttled.get();
    }

    public long throttleWaitMillis() {
        return throttleWaitMillis.get();
    }

    public Snapshot snapshot() {
        return new Snapshot(requests(), retries(), throttled(), throttleWaitMillis());
    }

    /** Adds the totals of earlier executions of the same run (call once when the run resumes). */
    public void restore(long requests, long retries, long throttled, long waitMillis) {
        if (requests < 0 || retries < 0 || throttled < 0 || waitMillis < 0) {
            throw new IllegalArgumentException("counters cannot be negative");
        }
        this.requests.addAndGet(requests);
        this.retries.addAndGet(retries);
        this.throttled.addAndGet(throttled);
        this.throttleWaitMillis.addAndGet(waitMillis);
        if (whole != null) {
            whole.restore(requests, retries, throttled, waitMillis);
        }
    }

    void recordRequest() {
        requests.incrementAndGet();
        if (whole != null) {
            whole.recordRequest();
        }
    }

    void recordRetry() {
        retries.incrementAndGet();
        if (whole != null) {
            whole.recordRetry();
        }
    }

    void recordThrottled(long pausedMillis) {
        throttled.incrementAndGet();
        throttleWaitMillis.addAndGet(pausedMillis);
        if (whole != null) {
            whole.recordThrottled(pausedMillis);
        }
    }
}

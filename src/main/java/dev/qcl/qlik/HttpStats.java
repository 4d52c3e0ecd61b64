package dev.qcl.qlik;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Thread-safe HTTP counters of one process: requests sent (counted as they go out), retries, 429s
 * received and the time the tiers were paused by them. One listener may hear of every change.
 */
public final class HttpStats {
    private static final Runnable NOBODY = () -> {};

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

    private volatile Runnable onChange = NOBODY;

    /** The counters at one moment. */
    public record Snapshot(long requests, long retries, long throttled, long throttleWaitMillis) {
        public static final Snapshot ZERO = new Snapshot(0, 0, 0, 0);

        /** What was counted since {@code earlier}. */
        public Snapshot since(Snapshot earlier) {
            return new Snapshot(
                    requests - earlier.requests,
                    retries - earlier.retries,
                    throttled - earlier.throttled,
                    throttleWaitMillis - earlier.throttleWaitMillis);
        }
    }

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

    /**
     * {@code listener} (null: none) hears of every change from now on, on the thread that counted it,
     * a request before it goes out: it must return at once, never block.
     */
    public void onChange(Runnable listener) {
        onChange = listener == null ? NOBODY : listener;
    }

    void recordRequest() {
        requests.incrementAndGet();
        if (whole != null) {
            whole.recordRequest();
        }
        onChange.run();
    }

    void recordRetry() {
        retries.incrementAndGet();
        if (whole != null) {
            whole.recordRetry();
        }
        onChange.run();
    }

    void recordThrottled(long pausedMillis) {
        throttled.incrementAndGet();
        throttleWaitMillis.addAndGet(pausedMillis);
        if (whole != null) {
            whole.recordThrottled(pausedMillis);
        }
        onChange.run();
    }
}

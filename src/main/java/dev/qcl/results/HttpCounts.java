package dev.qcl.results;

/**
 * HTTP counters: requests sent, retries, 429 answers, and the time the tiers were paused by them.
 * Of one execution of a run, or added up over a run's executions.
 */
public record HttpCounts(long requests, long retries, long throttled, long throttleWaitMs) {
    public static final HttpCounts NONE = new HttpCounts(0, 0, 0, 0);

    public HttpCounts {
        if (requests < 0 || retries < 0 || throttled < 0 || throttleWaitMs < 0) {
            throw new IllegalArgumentException("HTTP counters cannot be negative");
        }
    }

    public HttpCounts plus(HttpCounts other) {
        return new HttpCounts(
                requests + other.requests,
                retries + other.retries,
                throttled + other.throttled,
                throttleWaitMs + other.throttleWaitMs);
    }
}

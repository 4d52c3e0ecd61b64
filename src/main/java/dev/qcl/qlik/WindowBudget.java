package dev.qcl.qlik;

import java.time.Duration;
import java.time.Instant;

/**
 * The sends of one rate tier over a sliding window, and what the tenant's 429s taught about its
 * quota. A send counts from when it leaves until its answer plus the window (the answer is the
 * latest moment the tenant can have counted it), so every window of that length holds at most the
 * capacity. Not thread-safe: its {@link WritePolicy} guards it.
 */
final class WindowBudget {
    /** At most {@code capacity} sends in any {@code window}. */
    record Limit(int capacity, Duration window) {
        Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
        }

        /** {@code perMinute} averaged over {@code window}: a window may hold rate x window sends. */
        static Limit averaged(int perMinute, Duration window) {
            long capacity = (long) Math.floor(perMinute * (window.toMillis() / 60_000.0));
            return new Limit((int) Math.max(1, Math.min(Integer.MAX_VALUE, capacity)), window);
        }
    }

    private final Limit configured;
    private final SendLog sends = new SendLog();
    private final QuotaLearning learning;

    WindowBudget(int perMinute, Duration window) {
        this.configured = Limit.averaged(perMinute, window);
        this.learning = new QuotaLearning(perMinute, configured);
    }

    /** When the next send may leave: now, a later instant, or null for "when a send in flight is answered". */
    Instant earliest(Instant now) {
        sends.prune(now.minus(configured.window()));
        Limit current = learning.current(now);
        Instant at = sends.earliestUnder(configured, now);
        if (current != null && at != null) {
            Instant learned = sends.earliestUnder(current, now);
            at = learned == null || learned.isAfter(at) ? learned : at;
        }
        return at;
    }

    void reserve() {
        sends.reserve();
    }

    void answered(Instant start, Instant end) {
        sends.answered(start, end);
        learning.answered(start);
    }

    /** The request never reached the tenant, or was refused with a 429: it does not count. */
    void released() {
        sends.released();
    }

    /** A 429 answered a send that left at {@code start} (already released): see {@link QuotaLearning#throttled}. */
    void throttled(Instant start, Instant now, Duration retryAfter) {
        learning.throttled(sends, start, now, retryAfter);
    }

    Limit configured() {
        return configured;
    }

    /** The learned limit kept to now, or null. */
    Limit current() {
        return learning.current();
    }

    /** The tenant's budget as learned from 429s, or null. */
    Limit ceiling() {
        return learning.ceiling();
    }

    /** Answers held in memory: the window's, and older ones up to as many again (or 1,024), however long the run. */
    int remembered() {
        return sends.remembered();
    }

    /** Sends on their way. */
    int inFlight() {
        return sends.inFlight();
    }

    /** Sends that may leave now without waiting for the window. */
    int left(Instant now) {
        sends.prune(now.minus(configured.window()));
        int left = sends.leftUnder(configured, now);
        Limit current = learning.current();
        if (current != null) {
            left = Math.min(left, sends.leftUnder(current, now));
        }
        return Math.max(0, left);
    }
}

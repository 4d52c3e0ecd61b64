package dev.qcl.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Qlik's tier-1 (read) quota as the sandbox enforces it: at most {@code perMinute} GETs a minute,
 * evaluated over a sliding {@code window} (Qlik: 1,000 a minute over 5 minutes, so a window holds
 * {@code perMinute × window} reads and a fresh window takes a burst). A read over it gets a 429 with
 * {@code Retry-After}; a refused read does not enter the window. Off unless asked for.
 */
public final class ReadQuota {
    private final int perMinute;
    private final Duration window;
    private final LongSupplier millisClock;
    private final Deque<Long> admitted = new ArrayDeque<>();

    private ReadQuota(int perMinute, Duration window, LongSupplier millisClock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("perMinute must be >= 0, was " + perMinute);
        }
        Objects.requireNonNull(window, "window");
        if (window.toMillis() < 1_000) {
            throw new IllegalArgumentException("window must be at least 1 s, was " + window);
        }
        this.perMinute = perMinute;
        this.window = window;
        this.millisClock = millisClock;
    }

    /** No read quota: every GET is answered. */
    public static ReadQuota none() {
        return new ReadQuota(0, Duration.ofMinutes(1), () -> 0L);
    }

    /** {@code perMinute} reads a minute over a sliding {@code window}. */
    public static ReadQuota of(int perMinute, Duration window) {
        return of(perMinute, window, () -> System.nanoTime() / 1_000_000);
    }

    static ReadQuota of(int perMinute, Duration window, LongSupplier millisClock) {
        return new ReadQuota(perMinute, window, millisClock);
    }

    /** Reads one window holds. */
    long budget() {
        return Math.max(1, Math.round(perMinute * window.toMillis() / 60_000.0));
    }

    /** Whether a read may go ahead now, and if not, after how many whole seconds. */
    synchronized WriteQuota.Decision tryAcquire() {
        if (perMinute == 0) {
            return new WriteQuota.Decision(true, 0);
        }
        long now = millisClock.getAsLong();
        long windowMillis = window.toMillis();
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - windowMillis) {
            admitted.pollFirst();
        }
        if (admitted.size() < budget()) {
            admitted.addLast(now);
            return new WriteQuota.Decision(true, 0);
        }
        long waitMillis = admitted.peekFirst() + windowMillis - now;
        return new WriteQuota.Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }

    @Override
    public String toString() {
        return perMinute == 0 ? "ReadQuota[none]" : "ReadQuota[" + perMinute + "/min over " + window + "]";
    }
}

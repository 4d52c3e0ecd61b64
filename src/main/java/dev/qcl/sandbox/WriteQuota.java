package dev.qcl.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Qlik's per-user write tier as a sliding window (60 s unless set otherwise; Qlik's own is 5 min);
 * a rejected write does not enter the window. Optionally another client of the same user spends a
 * share of the quota: its writes come evenly spaced, always count (it was there first), and have
 * been coming for a whole window when the sandbox starts.
 */
final class WriteQuota {

    static final long DEFAULT_WINDOW_MILLIS = 60_000;

    /** Whether a write may go ahead, and if not, how many whole seconds until it may. */
    record Decision(boolean admitted, long retryAfterSeconds) {}

    private final int perWindow;
    private final long windowMillis;
    private final LongSupplier millisClock;
    private final Deque<Long> admitted = new ArrayDeque<>();
    private final long otherInterval;
    private long nextOther;

    /** @param perWindow writes per 60 s window, 0 for no quota; @param millisClock a monotonic millisecond clock */
    WriteQuota(int perWindow, LongSupplier millisClock) {
        this(perWindow, DEFAULT_WINDOW_MILLIS, 0.0, millisClock);
    }

    /**
     * @param perWindow writes allowed in any window, 0 for no quota
     * @param windowMillis the window length
     * @param otherShare the share of {@code perWindow} another client of the same user spends (0: none)
     * @param millisClock a monotonic millisecond clock
     */
    WriteQuota(int perWindow, long windowMillis, double otherShare, LongSupplier millisClock) {
        if (windowMillis < 1) {
            throw new IllegalArgumentException("the quota window must be positive, was " + windowMillis + " ms");
        }
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.millisClock = millisClock;
        long otherWrites = Math.round(perWindow * otherShare);
        this.otherInterval = otherWrites == 0 ? 0 : Math.max(1, windowMillis / otherWrites);
        this.nextOther = millisClock.getAsLong() - windowMillis + otherInterval;
    }

    synchronized Decision tryAcquire() {
        if (perWindow == 0) {
            return new Decision(true, 0);
        }
        long now = millisClock.getAsLong();
        spendOtherClient(now);
        expire(now);
        if (admitted.size() < perWindow) {
            admitted.addLast(now);
            return new Decision(true, 0);
        }
        // the writes in the window must fall to perWindow - 1 before this one fits
        Iterator<Long> oldest = admitted.iterator();
        long leaving = oldest.next();
        for (int i = 0; i < admitted.size() - perWindow; i++) {
            leaving = oldest.next();
        }
        long waitMillis = leaving + windowMillis - now;
        return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }

    private void spendOtherClient(long now) {
        if (otherInterval == 0) {
            return;
        }
        for (; nextOther <= now; nextOther += otherInterval) {
            expire(nextOther);
            admitted.addLast(nextOther);
        }
    }

    private void expire(long now) {
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - windowMillis) {
            admitted.pollFirst();
        }
    }
}

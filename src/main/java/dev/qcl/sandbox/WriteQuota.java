package dev.qcl.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.function.LongSupplier;

/**
 * Qlik's per-user write tier as a sliding window (60 s unless set otherwise; Qlik's own is 5 min);
 * a rejected write does not enter the window. Optionally another client of the same user spends a
 * share of the quota: its writes come evenly spaced, always count (it was there first), and have
 * been coming for a whole window when the sandbox starts. Or it writes in bursts: {@code burst}
 * writes at once every so often, from the start (and as often before it, within the window); those
 * always count too.
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
    private final int burst;
    private final long burstEvery;
    private long nextBurst;

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
        this(perWindow, windowMillis, otherShare, 0, windowMillis, millisClock);
    }

    /**
     * @param burst writes another client of the same user sends at once every {@code burstEvery} (0: none)
     * @param burstEvery milliseconds between those bursts
     */
    WriteQuota(
            int perWindow, long windowMillis, double otherShare, int burst, long burstEvery, LongSupplier millisClock) {
        if (windowMillis < 1 || burstEvery < 1) {
            throw new IllegalArgumentException("the quota window and the bursts' interval must be positive, was "
                    + windowMillis + " ms and " + burstEvery + " ms");
        }
        this.perWindow = perWindow;
        this.windowMillis = windowMillis;
        this.millisClock = millisClock;
        long otherWrites = Math.round(perWindow * otherShare);
        this.otherInterval = otherWrites == 0 ? 0 : Math.max(1, windowMillis / otherWrites);
        long start = millisClock.getAsLong();
        this.nextOther = start - windowMillis + otherInterval;
        this.burst = burst;
        this.burstEvery = burstEvery;
        // bursts as often before the start, as far as they are still in the window
        this.nextBurst = start - (windowMillis - 1) / burstEvery * burstEvery;
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

    /** The other client's writes up to {@code now}, in the order they came. */
    private void spendOtherClient(long now) {
        while (true) {
            boolean even = otherInterval > 0 && nextOther <= now;
            boolean bursts = burst > 0 && nextBurst <= now;
            if (even && (!bursts || nextOther <= nextBurst)) {
                expire(nextOther);
                admitted.addLast(nextOther);
                nextOther += otherInterval;
            } else if (bursts) {
                expire(nextBurst);
                for (int i = 0; i < burst; i++) {
                    admitted.addLast(nextBurst);
                }
                nextBurst += burstEvery;
            } else {
                return;
            }
        }
    }

    private void expire(long now) {
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - windowMillis) {
            admitted.pollFirst();
        }
    }
}

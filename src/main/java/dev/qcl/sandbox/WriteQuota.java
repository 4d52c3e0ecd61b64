package dev.qcl.sandbox;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/** Qlik's per-user write tier as a sliding 60-second window; a rejected write does not enter the window. */
final class WriteQuota {

    static final long WINDOW_MILLIS = 60_000;

    /** Whether a write may go ahead, and if not, how many whole seconds until it may. */
    record Decision(boolean admitted, long retryAfterSeconds) {}

    private final int perMinute;
    private final LongSupplier millisClock;
    private final Deque<Long> admitted = new ArrayDeque<>();

    /** @param perMinute writes per window, 0 for no quota; @param millisClock a monotonic millisecond clock */
    WriteQuota(int perMinute, LongSupplier millisClock) {
        this.perMinute = perMinute;
        this.millisClock = millisClock;
    }

    synchronized Decision tryAcquire() {
        if (perMinute == 0) {
            return new Decision(true, 0);
        }
        long now = millisClock.getAsLong();
        while (!admitted.isEmpty() && admitted.peekFirst() <= now - WINDOW_MILLIS) {
            admitted.pollFirst();
        }
        if (admitted.size() < perMinute) {
            admitted.addLast(now);
            return new Decision(true, 0);
        }
        long waitMillis = admitted.peekFirst() + WINDOW_MILLIS - now;
        return new Decision(false, Math.max(1, (waitMillis + 999) / 1000));
    }
}

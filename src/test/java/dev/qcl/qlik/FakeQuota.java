package dev.qcl.qlik;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's write quota in fake time, like the sandbox's: a sliding window, refused writes do not
 * count, {@code Retry-After} in whole seconds rounded up. Optionally another client of the same user
 * spends a share, evenly, from a whole window before the start, or writes in bursts.
 */
final class FakeQuota {
    private final int perWindow;
    private final Duration window;
    private final Deque<Instant> admitted = new ArrayDeque<>();
    private final Duration otherEvery;
    private Instant nextOther;
    private final int burst;
    private final Duration burstEvery;
    private Instant nextBurst;
    private final List<Instant> ours = new ArrayList<>();

    FakeQuota(int perWindow, Duration window) {
        this(perWindow, window, 0.0);
    }

    FakeQuota(int perWindow, Duration window, double otherShare) {
        this(perWindow, window, otherShare, 0, window, Duration.ZERO);
    }

    /**
     * Another client of the same user sends {@code burst} writes at once every {@code every}, the
     * first {@code phase} after the start (and as often before it).
     */
    static FakeQuota withBursts(int perWindow, Duration window, int burst, Duration every, Duration phase) {
        return new FakeQuota(perWindow, window, 0.0, burst, every, phase);
    }

    private FakeQuota(int perWindow, Duration window, double otherShare, int burst, Duration every, Duration phase) {
        this.perWindow = perWindow;
        this.window = window;
        long others = Math.round(perWindow * otherShare);
        this.otherEvery = others == 0 ? null : window.dividedBy(others);
        this.nextOther =
                otherEvery == null ? null : FakeTime.START.minus(window).plus(otherEvery);
        this.burst = burst;
        this.burstEvery = every;
        Instant first = FakeTime.START.plus(phase);
        while (first.minus(every).isAfter(FakeTime.START.minus(window))) {
            first = first.minus(every);
        }
        this.nextBurst = first;
    }

    /** Empty when the write at {@code now} is admitted, else the Retry-After. */
    Optional<Duration> tryAcquire(Instant now) {
        while (otherEvery != null && !nextOther.isAfter(now)) {
            expire(nextOther);
            admitted.addLast(nextOther);
            nextOther = nextOther.plus(otherEvery);
        }
        while (burst > 0 && !nextBurst.isAfter(now)) {
            expire(nextBurst);
            for (int i = 0; i < burst; i++) {
                admitted.addLast(nextBurst);
            }
            nextBurst = nextBurst.plus(burstEvery);
        }
        expire(now);
        if (admitted.size() < perWindow) {
            admitted.addLast(now);
            ours.add(now);
            return Optional.empty();
        }
        Instant leaving =
                admitted.stream().skip(admitted.size() - perWindow).findFirst().orElseThrow();
        long millis = Duration.between(now, leaving.plus(window)).toMillis();
        return Optional.of(Duration.ofSeconds(Math.max(1, (millis + 999) / 1000)));
    }

    /** When our admitted writes were admitted. */
    List<Instant> ours() {
        return List.copyOf(ours);
    }

    /** The most of our writes that any window of this quota's length held. */
    int mostOursInAnyWindow() {
        int most = 0;
        for (int i = 0, j = 0; j < ours.size(); j++) {
            while (!ours.get(i).plus(window).isAfter(ours.get(j))) {
                i++;
            }
            most = Math.max(most, j - i + 1);
        }
        return most;
    }

    private void expire(Instant now) {
        while (!admitted.isEmpty() && !admitted.peekFirst().plus(window).isAfter(now)) {
            admitted.pollFirst();
        }
    }
}

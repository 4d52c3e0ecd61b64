package dev.qcl.qlik;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Paces one rate tier shared by every thread: calls are spaced equally (60 s / rate). A tier may
 * allow a small burst after a quiet spell (a token bucket of that many calls; none for writes, which
 * Qlik's quota punishes first). A 429 pauses the whole tier until its {@code Retry-After} and halves the rate (AIMD);
 * after each quiet period without a 429 the rate climbs back by 5% of the configured rate.
 */
public final class RatePacer {
    /** Time without a 429 after which the rate climbs one step. */
    public static final Duration DEFAULT_QUIET_PERIOD = Duration.ofSeconds(30);

    private static final double RECOVERY_STEP_SHARE = 0.05;
    private static final double MIN_PER_MINUTE = 1.0;

    private final String tier;
    private final Duration quietPeriod;
    private final Clock clock;
    private final Sleeper sleeper;
    private final int burst;

    private int configuredPerMinute;
    private double currentPerMinute;
    private Instant nextSlot = Instant.MIN;
    private Instant pausedUntil = Instant.MIN;
    private Instant quietSince = Instant.MIN;

    public RatePacer(String tier, int perMinute, Clock clock, Sleeper sleeper) {
        this(tier, perMinute, 0, DEFAULT_QUIET_PERIOD, clock, sleeper);
    }

    public RatePacer(String tier, int perMinute, Duration quietPeriod, Clock clock, Sleeper sleeper) {
        this(tier, perMinute, 0, quietPeriod, clock, sleeper);
    }

    /**
     * @param burst calls that may go at once after a quiet spell (0 or 1: strictly equal spacing); the
     *     long-run rate is the same either way
     */
    public RatePacer(String tier, int perMinute, int burst, Duration quietPeriod, Clock clock, Sleeper sleeper) {
        if (burst < 0) {
            throw new IllegalArgumentException("burst must not be negative, got " + burst);
        }
        this.burst = burst;
        this.tier = Objects.requireNonNull(tier, "tier");
        this.quietPeriod = Objects.requireNonNull(quietPeriod, "quietPeriod");
        if (quietPeriod.isNegative() || quietPeriod.isZero()) {
            throw new IllegalArgumentException("quietPeriod must be positive");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        setPerMinute(perMinute);
    }

    /** Blocks until this caller may send: its slot in the equal spacing, and not before a pause ends. */
    public void acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                Instant now = clock.instant();
                recover(now);
                Instant earliest = later(nextSlot, pausedUntil);
                if (!now.isBefore(earliest)) {
                    // unused slots of a quiet spell are credit: at most `burst` calls go at once
                    Instant credited = later(nextSlot, now.minus(interval().multipliedBy(Math.max(0, burst - 1))));
                    nextSlot = credited.plus(interval());
                    return;
                }
                wait = Duration.between(now, earliest);
            }
            // sleep outside the lock; a pause set meanwhile is seen on the next round
            sleeper.sleep(wait);
        }
    }

    /**
     * Makes every caller of this tier wait until {@code retryAfter} from now and halves the rate,
     * once per pause (429s that arrive while already paused only extend it).
     *
     * @return how much longer the tier is now paused than before (for the statistics)
     */
    public synchronized Duration pauseAll(Duration retryAfter) {
        Instant now = clock.instant();
        Instant until = now.plus(retryAfter.isNegative() ? Duration.ZERO : retryAfter);
        Instant pausedFrom = later(now, pausedUntil);
        Duration added = until.isAfter(pausedFrom) ? Duration.between(pausedFrom, until) : Duration.ZERO;
        boolean alreadyPaused = pausedUntil.isAfter(now);
        if (!alreadyPaused) {
            currentPerMinute = Math.max(MIN_PER_MINUTE, currentPerMinute / 2);
        }
        pausedUntil = later(pausedUntil, until);
        quietSince = pausedUntil;
        return added;
    }

    /** Sets the configured rate (for example from {@code --rate-limit}) and resets the current pace to it. */
    public synchronized void setPerMinute(int perMinute) {
        if (perMinute < 1) {
            throw new IllegalArgumentException(tier + " rate must be at least 1 per minute, got " + perMinute);
        }
        configuredPerMinute = perMinute;
        currentPerMinute = perMinute;
    }

    /** How much longer a 429's {@code Retry-After} holds this tier (zero when it is not paused). */
    public synchronized Duration pausedFor() {
        Instant now = clock.instant();
        return pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO;
    }

    public synchronized int configuredPerMinute() {
        return configuredPerMinute;
    }

    /** The pace now, lowered by 429s and recovering towards the configured rate. */
    public synchronized double currentPerMinute() {
        recover(clock.instant());
        return currentPerMinute;
    }

    public String tier() {
        return tier;
    }

    private void recover(Instant now) {
        if (currentPerMinute >= configuredPerMinute || now.isBefore(quietSince.plus(quietPeriod))) {
            return;
        }
        long periods = Duration.between(quietSince, now).toNanos() / quietPeriod.toNanos();
        double step = Math.max(1.0, configuredPerMinute * RECOVERY_STEP_SHARE);
        currentPerMinute = Math.min(configuredPerMinute, currentPerMinute + periods * step);
        quietSince = quietSince.plus(quietPeriod.multipliedBy(periods));
    }

    private Duration interval() {
        return Duration.ofNanos((long) (60_000_000_000L / currentPerMinute));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

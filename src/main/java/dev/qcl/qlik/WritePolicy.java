package dev.qcl.qlik;

import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.TenantUnreachableException;
import dev.qcl.qlik.failure.ThrottleWaitTooLongException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every budget of one rate tier in one place: the window of the tier's quota (and what 429s taught
 * about it), the tenant's pause after a 429, the retries of transient failures with backoff, the
 * time a call may take, the cap on a single pause, and a stop request. A sender asks before each
 * request and gets one of three answers: send now, wait until a time, or give up with a reason.
 * Waits end early when something changes (a stop, an answered request), never by interrupts.
 */
public final class WritePolicy {
    private static final Logger log = LoggerFactory.getLogger(WritePolicy.class);
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);
    /** How often a sender waiting for an answer to some request in flight looks again anyway. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    /** The attempt in progress: its number (from 1) and when the whole call must give up. */
    record Attempt(int number, Instant deadline) {}

    /** A call's result and the attempts it took. */
    record Attempted<T>(T value, int attempts) {}

    /** The answer to a sender. */
    sealed interface Decision permits SendNow, WaitUntil, GiveUp {}

    /** Send now; the slot is taken, report the answer to {@link #answered} or {@link #throttled}. */
    record SendNow(Instant at) implements Decision {}

    /** Wait until {@code at} (null: until a request in flight is answered); {@code why} for the log. */
    record WaitUntil(Instant at, String why) implements Decision {}

    /** Do not send: throw {@code reason}. */
    record GiveUp(RuntimeException reason) implements Decision {}

    private final String tier;
    private final QlikSettings settings;
    private final HttpStats stats;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final WindowBudget budget;
    private Instant pausedUntil = Instant.MIN;
    /** After a pause, one request goes first: until one sent after the pause is answered. */
    private boolean probing;

    private Duration overlongPause;
    private boolean stopRequested;

    WritePolicy(
            String tier,
            int perMinute,
            QlikSettings settings,
            HttpStats stats,
            Clock clock,
            Sleeper sleeper,
            DoubleSupplier random) {
        this.tier = Objects.requireNonNull(tier, "tier");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
        this.budget = new WindowBudget(perMinute, settings.window());
    }

    static boolean isTransientStatus(int status) {
        return TRANSIENT_STATUSES.contains(status);
    }

    /**
     * Runs {@code work} until it returns, throws a non-transient exception, or the retry budget
     * (attempts, time per call) is spent. Then it throws {@link TenantUnreachableException} when no
     * attempt ever connected, otherwise {@link RejectedException} with the last failure.
     */
    <T> Attempted<T> execute(String subject, Function<Attempt, T> work) {
        Instant deadline = clock.instant().plus(settings.maxTimePerRow());
        boolean neverConnected = true;
        for (int number = 1; ; number++) {
            try {
                return new Attempted<>(work.apply(new Attempt(number, deadline)), number);
            } catch (TransientFailure failure) {
                neverConnected &= failure.kind() == TransientFailure.Kind.NOT_SENT;
                Instant now = clock.instant();
                if (number >= settings.maxAttempts() || !now.isBefore(deadline)) {
                    if (neverConnected) {
                        throw TenantUnreachableException.of(
                                settings.tenantUrl().getHost(), subject, failure.getMessage(), number, failure);
                    }
                    throw RejectedException.afterRetries(subject, failure.httpStatus(), failure.getMessage(), number);
                }
                Duration wait = backoff(number);
                Duration left = Duration.between(now, deadline);
                stats.recordRetry();
                log.debug("Retrying {} after attempt {} in {} ms", subject, number, wait.toMillis());
                waitUntil(now.plus(wait.compareTo(left) > 0 ? left : wait), subject, number);
            }
        }
    }

    /** Blocks until this request may go; throws when it must not (stop, overlong pause, out of time). */
    Instant acquire(String subject, Attempt attempt) {
        lock.lock();
        try {
            while (true) {
                Decision decision = decide(subject, attempt);
                if (decision instanceof SendNow send) {
                    return send.at();
                }
                if (decision instanceof GiveUp giveUp) {
                    throw giveUp.reason();
                }
                WaitUntil wait = (WaitUntil) decision;
                await(wait.at() == null ? RECHECK : Duration.between(clock.instant(), wait.at()), subject);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The answer for a request that wants to go now; a {@link SendNow} takes its slot. Call with the lock held. */
    Decision decide(String subject, Attempt attempt) {
        Instant now = clock.instant();
        if (overlongPause != null) {
            return new GiveUp(ThrottleWaitTooLongException.of(
                    tier, subject, overlongPause, settings.maxThrottleWait(), attempt.number()));
        }
        Instant at = budget.earliest(now);
        if (pausedUntil.isAfter(now) && (at == null || at.isBefore(pausedUntil))) {
            at = pausedUntil;
        }
        boolean probeOut = probing && !pausedUntil.isAfter(now) && budget.inFlight() > 0;
        if (probeOut) {
            // the tenant may have given the room its pause promised to another client: ask once, not once per sender
            at = null;
        }
        if (at != null && !at.isAfter(now)) {
            budget.reserve();
            return new SendNow(now);
        }
        if (stopRequested) {
            return new GiveUp(RunInterruptedException.stopRequested(subject, attempt.number()));
        }
        if (at != null && at.isAfter(attempt.deadline())) {
            return new GiveUp(RejectedException.stillThrottled(subject, attempt.number()));
        }
        return new WaitUntil(
                at,
                pausedUntil.isAfter(now)
                        ? "the tenant's pause"
                        : probeOut ? "the first answer after the tenant's pause" : "the " + tier + " window");
    }

    /** The tenant answered a request that left at {@code sentAt} (any status but 429). */
    void answered(Instant sentAt) {
        lock.lock();
        try {
            budget.answered(sentAt, clock.instant());
            probing &= sentAt.isBefore(pausedUntil);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The request that left at {@code sentAt} never reached the tenant. */
    void notSent(Instant sentAt) {
        lock.lock();
        try {
            budget.released();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * A 429: every sender of the tier waits until {@code retryAfter} from now, and the budget learns
     * from it. A pause longer than the cap stops the run: this sender and every waiting one give up.
     */
    void throttled(Instant sentAt, Duration retryAfter, String subject, int attempts) {
        lock.lock();
        try {
            Instant now = clock.instant();
            budget.released();
            budget.throttled(sentAt, now, retryAfter);
            Instant until = now.plus(retryAfter);
            Instant pausedFrom = pausedUntil.isAfter(now) ? pausedUntil : now;
            stats.recordThrottled(
                    until.isAfter(pausedFrom)
                            ? Duration.between(pausedFrom, until).toMillis()
                            : 0);
            pausedUntil = until.isAfter(pausedUntil) ? until : pausedUntil;
            probing = true;
            if (retryAfter.compareTo(settings.maxThrottleWait()) > 0) {
                overlongPause = retryAfter;
            }
            log.debug(
                    "429 on {}: {} requests paused for {} ms; learned {}",
                    subject,
                    tier,
                    retryAfter.toMillis(),
                    budget.current());
            changed.signalAll();
            if (overlongPause != null) {
                throw ThrottleWaitTooLongException.of(tier, subject, retryAfter, settings.maxThrottleWait(), attempts);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The run is stopping: requests that would have to wait give up at once, waiting ones wake. */
    public void stop() {
        lock.lock();
        try {
            stopRequested = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** True once {@link #stop()} was called. */
    boolean stopping() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    /** The tier's budget now, for progress output. */
    public BudgetView view() {
        lock.lock();
        try {
            Instant now = clock.instant();
            budget.earliest(now);
            WindowBudget.Limit configured = budget.configured();
            WindowBudget.Limit learned = budget.current();
            return new BudgetView(
                    configured.capacity(),
                    configured.window(),
                    budget.left(now),
                    pausedUntil.isAfter(now) ? Duration.between(now, pausedUntil) : Duration.ZERO,
                    learned == null ? 0 : learned.capacity(),
                    learned == null ? Duration.ZERO : learned.window());
        } finally {
            lock.unlock();
        }
    }

    /** Full jitter: a uniform wait between 0 and min(maxBackoff, initialBackoff * 2^(attempt-1)). */
    Duration backoff(int failedAttempts) {
        long initial = settings.initialBackoff().toMillis();
        long cap = settings.maxBackoff().toMillis();
        int doublings = Math.min(failedAttempts - 1, 30);
        long ceiling = Math.min(cap, initial * (1L << doublings));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }

    /** A backoff: waits until {@code until} unless the run stops meanwhile. */
    private void waitUntil(Instant until, String subject, int attempts) {
        lock.lock();
        try {
            for (Instant now = clock.instant(); now.isBefore(until); now = clock.instant()) {
                if (overlongPause != null) {
                    throw ThrottleWaitTooLongException.of(
                            tier, subject, overlongPause, settings.maxThrottleWait(), attempts);
                }
                if (stopRequested) {
                    throw RunInterruptedException.stopRequested(subject, attempts);
                }
                await(Duration.between(now, until), subject);
            }
        } finally {
            lock.unlock();
        }
    }

    private void await(Duration wait, String subject) {
        try {
            sleeper.await(changed, wait);
        } catch (InterruptedException e) {
            throw RunInterruptedException.of(subject, e);
        }
    }
}

package dev.qcl.qlik;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that decides what is retried and how: 502, 503, 504, timeouts and dropped or
 * refused connections are transient; at most {@code maxAttempts} attempts per call, exponential
 * backoff with full jitter, and no retry once {@code maxTimePerRow} has passed. Built on
 * resilience4j Retry; 429s never reach it (they are paced inside an attempt).
 */
final class RetryPolicy {
    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);
    private static final Set<Integer> TRANSIENT_STATUSES = Set.of(502, 503, 504);

    /** The attempt in progress: its number (from 1) and when the whole call must give up. */
    record Attempt(int number, Instant deadline) {}

    /** A call's result and the attempts it took. */
    record Attempted<T>(T value, int attempts) {}

    private final QlikSettings settings;
    private final HttpStats stats;
    private final Clock clock;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    RetryPolicy(QlikSettings settings, HttpStats stats, Clock clock, Sleeper sleeper, DoubleSupplier random) {
        this.settings = settings;
        this.stats = stats;
        this.clock = clock;
        this.sleeper = sleeper;
        this.random = random;
    }

    static boolean isTransientStatus(int status) {
        return TRANSIENT_STATUSES.contains(status);
    }

    /**
     * Runs {@code work} until it returns, throws a non-transient exception, or the budget is spent.
     * An exhausted budget throws {@link TenantUnreachableException} when no attempt ever connected,
     * otherwise {@link RejectedException} with the last failure.
     */
    <T> Attempted<T> execute(String subject, Function<Attempt, T> work) {
        Instant deadline = clock.instant().plus(settings.maxTimePerRow());
        AtomicInteger attempts = new AtomicInteger();
        AtomicBoolean neverConnected = new AtomicBoolean(true);
        RetryConfig config = RetryConfig.<T>custom()
                .maxAttempts(settings.maxAttempts())
                .retryOnException(e -> e instanceof TransientFailure && clock.instant().isBefore(deadline))
                .intervalBiFunction((attempt, outcome) -> waitBeforeRetry(subject, attempt, deadline))
                .build();
        Retry retry = Retry.of(subject, config);
        try {
            T value = retry.executeSupplier(() -> {
                Attempt attempt = new Attempt(attempts.incrementAndGet(), deadline);
                try {
                    return work.apply(attempt);
                } catch (TransientFailure failure) {
                    if (failure.kind() != TransientFailure.Kind.NOT_SENT) {
                        neverConnected.set(false);
                    }
                    throw failure;
                }
            });
            return new Attempted<>(value, attempts.get());
        } catch (TransientFailure last) {
            if (neverConnected.get()) {
                throw TenantUnreachableException.of(
                        settings.tenantUrl().getHost(), subject, last.getMessage(), attempts.get(), last);
            }
            throw RejectedException.afterRetries(subject, last.httpStatus(), last.getMessage(), attempts.get());
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

    // resilience4j sleeps with a JVM-wide static function; we wait here, through the injected
    // Sleeper, and hand it 0 ms so its own sleep is a no-op
    private long waitBeforeRetry(String subject, int failedAttempts, Instant deadline) {
        Duration wait = backoff(failedAttempts);
        Duration left = Duration.between(clock.instant(), deadline);
        if (wait.compareTo(left) > 0) {
            wait = left.isNegative() ? Duration.ZERO : left;
        }
        stats.recordRetry();
        log.debug("Retrying {} after attempt {} in {} ms", subject, failedAttempts, wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw RunInterruptedException.of(subject, e);
        }
        return 0L;
    }
}

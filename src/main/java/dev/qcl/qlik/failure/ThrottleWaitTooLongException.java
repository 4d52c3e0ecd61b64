package dev.qcl.qlik.failure;

import java.time.Duration;

/** A 429 asked for a pause longer than {@code maxThrottleWait}; the run stops as STOPPED instead of hanging. */
public class ThrottleWaitTooLongException extends RunStoppingException {
    private final Duration retryAfter;

    private ThrottleWaitTooLongException(String message, Duration retryAfter, int attempts) {
        super(message, 429, attempts, null);
        this.retryAfter = retryAfter;
    }

    public static ThrottleWaitTooLongException of(
            String tier, String subject, Duration retryAfter, Duration cap, int attempts) {
        return new ThrottleWaitTooLongException(
                "The tenant asked to pause " + tier + " requests for " + retryAfter.toSeconds() + " s on " + subject
                        + ", longer than the allowed " + cap.toSeconds() + " s",
                retryAfter,
                attempts);
    }

    /** The pause the tenant asked for. */
    public Duration retryAfter() {
        return retryAfter;
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.STOPPED;
    }
}

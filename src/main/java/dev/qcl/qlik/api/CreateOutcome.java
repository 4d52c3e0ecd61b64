package dev.qcl.qlik.api;

import java.util.Objects;

/**
 * A connection that now exists. {@code foundAfterUnknownOutcome} means an earlier attempt's answer
 * was lost and the look-up by name found the connection it had created; {@code httpStatus} is then
 * the look-up's status (200), otherwise the create's (201). {@code answerUnreadable} means the tenant
 * said 2xx with an empty or unreadable body, and the look-up by name found the connection.
 */
public record CreateOutcome(
        String connectionId, int httpStatus, int attempts, boolean foundAfterUnknownOutcome, boolean answerUnreadable) {
    public CreateOutcome {
        Objects.requireNonNull(connectionId, "connectionId");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    public CreateOutcome(String connectionId, int httpStatus, int attempts, boolean foundAfterUnknownOutcome) {
        this(connectionId, httpStatus, attempts, foundAfterUnknownOutcome, false);
    }

    /** What the row's result says about how the connection was found; empty for a plain create. */
    public String message() {
        if (foundAfterUnknownOutcome) {
            return "created; the tenant did not answer, the name was found on look-up";
        }
        return answerUnreadable
                ? "created; the tenant's answer had no readable body, the name was found on look-up"
                : "";
    }
}

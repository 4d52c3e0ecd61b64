package dev.qcl.qlik;

import java.util.Objects;

/**
 * A connection that now exists. {@code foundAfterUnknownOutcome} means an earlier attempt's answer
 * was lost and the look-up by name found the connection it had created; {@code httpStatus} is then
 * the look-up's status (200), otherwise the create's (201).
 */
public record CreateOutcome(String connectionId, int httpStatus, int attempts, boolean foundAfterUnknownOutcome) {
    public CreateOutcome {
        Objects.requireNonNull(connectionId, "connectionId");
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}

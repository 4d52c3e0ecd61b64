package dev.qcl.qlik.api;

/** A successful update: the tenant's status (204) and the attempts it took. */
public record WriteOutcome(int httpStatus, int attempts) {
    public WriteOutcome {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }
}

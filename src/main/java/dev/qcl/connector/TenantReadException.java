package dev.qcl.connector;

/**
 * The tenant refused a read that validation needs (the data-source list, an api-specs document, a
 * space look-up) for one connector or space: the rows that need it are FAILED with this status and
 * message, and the run goes on. Kept and thrown again for every such row, so it has no stack trace.
 */
public final class TenantReadException extends RuntimeException {
    private final int httpStatus;
    private final int attempts;

    public TenantReadException(String message, int httpStatus, int attempts) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** The tenant's last HTTP status, or 0 when none came. */
    public int httpStatus() {
        return httpStatus;
    }

    public int attempts() {
        return attempts;
    }
}

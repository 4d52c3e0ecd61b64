package dev.qcl.qlik.failure;

/**
 * A call to the tenant that did not succeed. Catch {@link RejectedException} to fail the row and
 * go on, {@link RunStoppingException} to stop the run. Messages name the subject and carry the
 * tenant's error title and detail, never request bodies or secret values.
 */
public abstract class QlikApiException extends RuntimeException {
    private final int httpStatus;
    private final int attempts;

    QlikApiException(String message, int httpStatus, int attempts, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.attempts = attempts;
    }

    /** The HTTP status of the last response, or 0 when none was received (timeout, dropped connection). */
    public int httpStatus() {
        return httpStatus;
    }

    /** Attempts made, 429 pauses not counted. */
    public int attempts() {
        return attempts;
    }
}

package dev.qcl.qlik.failure;

/**
 * The tenant refused this one call (400, 403, 404, 409, ...) or it stayed transient past the
 * retry budget: the row is FAILED with {@link #httpStatus()} and the message, and the run goes on.
 */
public class RejectedException extends QlikApiException {
    private RejectedException(String message, int httpStatus, int attempts) {
        super(message, httpStatus, attempts, null);
    }

    public static RejectedException byTenant(String subject, int httpStatus, String tenantMessage, int attempts) {
        return new RejectedException(
                subject + " was rejected with HTTP " + httpStatus + ": " + tenantMessage, httpStatus, attempts);
    }

    public static RejectedException afterRetries(String subject, int httpStatus, String lastFailure, int attempts) {
        return new RejectedException(
                subject + " failed after " + attempts + " attempt(s): " + lastFailure, httpStatus, attempts);
    }

    public static RejectedException stillThrottled(String subject, int attempts) {
        return new RejectedException(
                subject + " was still rate limited (HTTP 429) when its maximum time ran out", 429, attempts);
    }

    /** A listing whose pages do not end (links that loop, or more pages than the bound): refused, not followed. */
    public static RejectedException endlessListing(String subject, String why) {
        return new RejectedException(subject + " was stopped: " + why + "; the tenant's paging does not end", 200, 1);
    }

    public static RejectedException unreadable(String subject, int httpStatus, int attempts) {
        return new RejectedException(
                subject + " returned HTTP " + httpStatus + " with a body that could not be read", httpStatus, attempts);
    }
}

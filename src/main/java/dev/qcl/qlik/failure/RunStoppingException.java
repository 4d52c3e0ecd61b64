package dev.qcl.qlik.failure;

/**
 * A failure that makes every further call pointless: the run stops with {@link #runStatus()} and
 * can be restarted. Subclasses: {@code qlik.UnauthorizedException}, {@link TenantUnreachableException},
 * {@link ThrottleWaitTooLongException}, {@link RunInterruptedException}.
 */
public abstract class RunStoppingException extends QlikApiException {
    /** How the stopped run is recorded. */
    public enum RunStatus {
        FAILED,
        STOPPED
    }

    public RunStoppingException(String message, int httpStatus, int attempts, Throwable cause) {
        super(message, httpStatus, attempts, cause);
    }

    public abstract RunStatus runStatus();
}

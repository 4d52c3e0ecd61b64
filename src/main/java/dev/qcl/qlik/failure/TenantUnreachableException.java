package dev.qcl.qlik.failure;

/** No connection could be opened on any attempt (refused, unknown host, connect timeout); the run stops as FAILED. */
public class TenantUnreachableException extends RunStoppingException {
    private TenantUnreachableException(String message, int attempts, Throwable cause) {
        super(message, 0, attempts, cause);
    }

    public static TenantUnreachableException of(
            String tenant, String subject, String lastFailure, int attempts, Throwable cause) {
        return new TenantUnreachableException(
                "Tenant " + tenant + " is unreachable: " + subject + " could not connect on " + attempts
                        + " attempt(s) (" + lastFailure + ")",
                attempts,
                cause);
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.FAILED;
    }
}

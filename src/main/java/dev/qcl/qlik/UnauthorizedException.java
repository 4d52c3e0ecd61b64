package dev.qcl.qlik;

/** HTTP 401: the API key is wrong or expired; the run stops as FAILED. */
public class UnauthorizedException extends RunStoppingException {
    private UnauthorizedException(String message, int attempts) {
        super(message, 401, attempts, null);
    }

    static UnauthorizedException of(String subject, String tenantMessage, int attempts) {
        return new UnauthorizedException(
                "The tenant rejected the API key (HTTP 401) on " + subject + ": " + tenantMessage, attempts);
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.FAILED;
    }
}

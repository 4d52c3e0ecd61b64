package dev.qcl.qlik;

import dev.qcl.qlik.failure.RunStoppingException;

/** HTTP 401: the API key or the OAuth client is wrong, expired or revoked; the run stops as FAILED. */
public class UnauthorizedException extends RunStoppingException {
    private UnauthorizedException(String message, int httpStatus, int attempts) {
        super(message, httpStatus, attempts, null);
    }

    /** A 401 on a call; for an OAuth client, also after a new access token. */
    static UnauthorizedException of(Identity identity, String subject, String tenantMessage, int attempts) {
        String rejected = identity instanceof Identity.OAuthClient
                ? "The tenant rejected " + identity.describe() + " (HTTP 401, also with a new access token)"
                : "The tenant rejected the API key (HTTP 401)";
        return new UnauthorizedException(rejected + " on " + subject + ": " + tenantMessage, 401, attempts);
    }

    /** The token endpoint refused the client (a wrong secret, an unknown or disabled client, a scope it may not have). */
    static UnauthorizedException noToken(String client, int httpStatus, String tenantMessage) {
        return new UnauthorizedException(
                "The tenant refused an access token to " + client + " (HTTP " + httpStatus
                        + " from " + ClientCredentialsTokens.TOKEN_PATH + "): " + tenantMessage
                        + "; check the client ID, QLIK_CLIENT_SECRET and qcl.oauth.scopes",
                httpStatus,
                1);
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.FAILED;
    }
}

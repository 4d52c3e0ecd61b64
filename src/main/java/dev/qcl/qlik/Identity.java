package dev.qcl.qlik;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Who qcl is to the tenant: a user's API key, or an OAuth machine-to-machine client that gets
 * short-lived access tokens from the tenant. The secrets are masked in every {@code toString()}.
 */
public sealed interface Identity permits Identity.ApiKey, Identity.OAuthClient {

    /** How messages name this identity, for example {@code OAuth client 'nightly-loader'}. */
    String describe();

    /** An API key, sent as the bearer token of every request. */
    record ApiKey(String key) implements Identity {
        public ApiKey {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("the API key must not be blank");
            }
        }

        @Override
        public String describe() {
            return "the API key";
        }

        @Override
        public String toString() {
            return "ApiKey[" + SecretMasker.MASK + "]";
        }
    }

    /**
     * An OAuth client of the tenant (client-credentials grant).
     *
     * @param clientId the client ID, not a secret: messages name it
     * @param clientSecret the client secret
     * @param scopes the scopes asked for, none for the client's defaults
     * @param renewBefore how long before its expiry an access token is replaced (at most half its lifetime)
     */
    record OAuthClient(String clientId, String clientSecret, List<String> scopes, Duration renewBefore)
            implements Identity {
        public OAuthClient {
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("the OAuth client ID must not be blank");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("the OAuth client secret must not be blank");
            }
            clientId = clientId.strip();
            scopes = scopes == null
                    ? List.of()
                    : scopes.stream()
                            .filter(Objects::nonNull)
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
            renewBefore = renewBefore == null ? Duration.ofSeconds(60) : renewBefore;
            if (renewBefore.isNegative()) {
                throw new IllegalArgumentException("renewBefore must not be negative, got " + renewBefore);
            }
        }

        @Override
        public String describe() {
            return "OAuth client '" + clientId + "'";
        }

        @Override
        public String toString() {
            return "OAuthClient[clientId=" + clientId + ", clientSecret=" + SecretMasker.MASK + ", scopes=" + scopes
                    + ", renewBefore=" + renewBefore + "]";
        }
    }
}

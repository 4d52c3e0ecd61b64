package dev.qcl.settings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * An OAuth machine-to-machine client as qcl's identity ({@code qcl.oauth.*}); the client secret is
 * not here: it is read from QLIK_CLIENT_SECRET or {@code clientSecretFile} when first needed.
 *
 * @param clientId the client ID (QLIK_CLIENT_ID); empty when qcl runs with an API key
 * @param clientSecretFile a file holding the client secret, used when QLIK_CLIENT_SECRET is not set
 * @param scopes the scopes to ask for, for example {@code user_default}; none: the client's own
 * @param renewBefore how long before it expires an access token is replaced (at most half its lifetime)
 */
@ConfigurationProperties("qcl.oauth")
public record OAuthProperties(String clientId, Path clientSecretFile, List<String> scopes, Duration renewBefore) {
    public OAuthProperties {
        clientId = clientId == null || clientId.isBlank() ? null : clientId.strip();
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        renewBefore = renewBefore == null ? Duration.ofSeconds(60) : renewBefore;
    }
}

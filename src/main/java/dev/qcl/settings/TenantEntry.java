package dev.qcl.settings;

import java.net.URI;
import java.util.Objects;

/**
 * One tenant of a run over several ({@code --tenants FILE}): its alias, URL and identity. The identity
 * cells are references ({@code ${env:NAME}}, {@code ${file:PATH}}), never the secret itself; with all of
 * them empty the tenant is served by the run's own identity (a region-level OAuth client).
 *
 * @param apiKey the reference to the API key, or null
 * @param clientId the reference to the OAuth client ID, or null
 * @param clientSecret the reference to the OAuth client secret, or null
 * @param rateLimit writes per minute for this tenant, or null for the run's {@code --rate-limit}
 */
public record TenantEntry(
        String alias, URI url, String apiKey, String clientId, String clientSecret, Integer rateLimit) {
    public TenantEntry {
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(url, "url");
    }

    /** Whether the run's own identity serves this tenant. */
    public boolean usesRunIdentity() {
        return apiKey == null && clientId == null && clientSecret == null;
    }

    @Override
    public String toString() {
        // the references name where the secrets are, not the secrets; still, say only what a log needs
        return "TenantEntry[" + alias + " " + url + "]";
    }
}

package dev.qcl.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;

/**
 * Checks the tenant URL: absolute, HTTPS unless the host is this machine's loopback, and no path
 * (a pasted {@code /api/v1} is dropped).
 */
public final class TenantUrl {
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final String PASTED_API_ROOT = "/api/v1";

    private TenantUrl() {}

    public static URI parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ConfigurationProblem(
                    "no tenant: set QLIK_TENANT_URL or pass --tenant https://<tenant>.<region>.qlikcloud.com");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new ConfigurationProblem(
                    "tenant URL '" + text + "' is not a URL; write it like https://acme.eu.qlikcloud.com");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new ConfigurationProblem(
                    "tenant URL '" + text + "' has no scheme or host; write it like https://acme.eu.qlikcloud.com");
        }
        boolean loopback = LOOPBACK.contains(uri.getHost());
        if (!uri.getScheme().equals("https") && !(loopback && uri.getScheme().equals("http"))) {
            throw new ConfigurationProblem(
                    "tenant URL '" + text + "' must use https:// (plain http is allowed only for localhost)");
        }
        // people paste the API root they saw in the docs: /api/v1 is dropped, any other path refused
        String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
        if (path.equals(PASTED_API_ROOT)) {
            path = "";
        }
        if (!path.isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new ConfigurationProblem("tenant URL '" + text + "' has a path; give the tenant only, like https://"
                    + (loopback ? "localhost:8080" : "acme.eu.qlikcloud.com")
                    + " (qcl adds /api/v1 itself; another API root is set with qcl.tenant.base-path)");
        }
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
    }
}

package dev.qcl.settings;

import dev.qcl.qlik.QlikSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenant qcl talks to ({@code qcl.tenant.*}); the API key is not here, it is read from the
 * environment or a file when first needed.
 *
 * @param maxPages pages of 100 items one listing may take before it is refused as endless
 */
@ConfigurationProperties("qcl.tenant")
public record TenantProperties(
        String url, String basePath, Duration connectTimeout, Duration readTimeout, Integer maxPages) {
    public TenantProperties {
        basePath = basePath == null || basePath.isBlank() ? "/api/v1" : basePath;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
        maxPages = maxPages == null ? QlikSettings.DEFAULT_MAX_LISTING_PAGES : maxPages;
        if (maxPages < 1) {
            throw new ConfigurationProblem("qcl.tenant.max-pages must be at least 1, got " + maxPages);
        }
    }
}

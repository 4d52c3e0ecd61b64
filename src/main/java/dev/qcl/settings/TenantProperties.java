package dev.qcl.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenant qcl talks to ({@code qcl.tenant.*}); the API key is not here, it is read from the
 * environment or a file when first needed.
 */
@ConfigurationProperties("qcl.tenant")
public record TenantProperties(String url, String basePath, Duration connectTimeout, Duration readTimeout) {
    public TenantProperties {
        basePath = basePath == null || basePath.isBlank() ? "/api/v1" : basePath;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }
}

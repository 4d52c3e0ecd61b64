package dev.qcl.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api-specs cache ({@code qcl.specs.*}).
 *
 * @param ttl how long a fetched spec is reused
 */
@ConfigurationProperties("qcl.specs")
public record SpecsProperties(Duration ttl) {
    public SpecsProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
    }
}

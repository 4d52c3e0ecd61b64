package dev.qcl.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The api-specs cache ({@code qcl.specs.*}).
 *
 * @param ttl how long a fetched spec is reused
 * @param checkVersion whether each command reads a cached spec again once to compare its connector version
 */
@ConfigurationProperties("qcl.specs")
public record SpecsProperties(Duration ttl, Boolean checkVersion) {
    public SpecsProperties {
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        checkVersion = checkVersion == null || checkVersion;
    }
}

package dev.qcl.connector;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A connector's api-specs as fetched from the tenant.
 *
 * @param fetchedAt when the spec was read from the tenant (not when it was read from the cache)
 * @param properties the connection properties by exact name, in the order of the spec
 */
public record ApiSpec(
        String dataSourceId,
        String connectorProvider,
        String connectorVersion,
        Instant fetchedAt,
        Map<String, PropertySpec> properties) {
    public ApiSpec {
        if (dataSourceId == null || dataSourceId.isBlank()) {
            throw new IllegalArgumentException("an api-spec needs a data source ID");
        }
        connectorProvider = Objects.requireNonNullElse(connectorProvider, "");
        connectorVersion = Objects.requireNonNullElse(connectorVersion, "");
        Objects.requireNonNull(fetchedAt, "fetchedAt");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The property named exactly {@code name}. */
    public Optional<PropertySpec> property(String name) {
        return Optional.ofNullable(properties.get(name));
    }
}

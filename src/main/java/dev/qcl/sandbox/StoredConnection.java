package dev.qcl.sandbox;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data connection as the sandbox tenant stores it, secrets included. {@code spaceId} is
 * {@link SandboxTenant#personalSpaceId()} for connections in the API key owner's personal space;
 * {@code tags} include the {@code DcaasAPI:} tag the tenant adds itself.
 */
public record StoredConnection(
        String id,
        String qName,
        String dataSourceId,
        String spaceId,
        Map<String, Object> properties,
        List<String> tags,
        Instant created,
        Instant updated) {

    public StoredConnection {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(qName, "qName");
        Objects.requireNonNull(dataSourceId, "dataSourceId");
        Objects.requireNonNull(spaceId, "spaceId");
        // LinkedHashMap keeps the order the client sent; values are plain JSON values (String, Number, Boolean, List,
        // Map)
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        tags = List.copyOf(tags);
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(updated, "updated");
    }
}

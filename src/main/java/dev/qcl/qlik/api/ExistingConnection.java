package dev.qcl.qlik.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A data connection as the tenant has it. {@code dataSourceId} is {@code datasourceID} on the
 * wire; {@code spaceId} is null in the personal space; {@code connectionProperties} is only filled
 * when asked for ({@code QlikClient.connectionForUpdate}) and may hold secrets: never log it.
 *
 * @param updated when the connection was last changed, as the tenant writes it ({@code updated} on the
 *     wire, e.g. {@code 2022-04-09T10:00:28.287Z}); null when the tenant did not say, or for a
 *     connection this run just created
 */
public record ExistingConnection(
        String id,
        String qName,
        String dataSourceId,
        String spaceId,
        List<String> tags,
        Map<String, Object> connectionProperties,
        String updated) {

    public ExistingConnection {
        Objects.requireNonNull(id, "id");
        spaceId = spaceId == null || spaceId.isBlank() ? null : spaceId;
        tags = tags == null ? List.of() : List.copyOf(tags);
        // values may be null in the tenant's JSON, which Map.copyOf rejects
        connectionProperties = connectionProperties == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(connectionProperties));
        updated = updated == null || updated.isBlank() ? null : updated;
    }

    /** A connection whose last change the tenant did not say. */
    public ExistingConnection(
            String id,
            String qName,
            String dataSourceId,
            String spaceId,
            List<String> tags,
            Map<String, Object> connectionProperties) {
        this(id, qName, dataSourceId, spaceId, tags, connectionProperties, null);
    }

    @Override
    public String toString() {
        return "ExistingConnection[id=" + id + ", qName=" + qName + ", dataSourceId=" + dataSourceId
                + ", spaceId=" + spaceId + ", tags=" + tags + ", connectionProperties="
                + connectionProperties.keySet() + ", updated=" + updated + "]";
    }
}

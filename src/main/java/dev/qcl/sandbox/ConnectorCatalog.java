package dev.qcl.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The connectors the sandbox offers, loaded once from JSON resources next to this class. */
final class ConnectorCatalog {

    private static final String DATA_SOURCES = "data-sources.json";
    private static final String API_SPECS_FOLDER = "api-specs/";

    private final Map<String, ConnectorSpec> byId;

    private ConnectorCatalog(Map<String, ConnectorSpec> byId) {
        this.byId = byId;
    }

    static ConnectorCatalog fromClasspath() {
        Map<String, ConnectorSpec> byId = new LinkedHashMap<>();
        for (JsonNode entry : Json.classpathResource(DATA_SOURCES)) {
            String id = entry.path("dataSourceId").asString();
            JsonNode specs = Json.classpathResource(API_SPECS_FOLDER + id + ".json");
            byId.put(id, new ConnectorSpec(id, (ObjectNode) entry, (ObjectNode) specs));
        }
        return new ConnectorCatalog(Collections.unmodifiableMap(byId));
    }

    Optional<ConnectorSpec> find(String dataSourceId) {
        return Optional.ofNullable(byId.get(dataSourceId));
    }

    List<ConnectorSpec> all() {
        return List.copyOf(byId.values());
    }
}

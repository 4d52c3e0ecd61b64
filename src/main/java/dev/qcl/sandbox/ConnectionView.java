package dev.qcl.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Renders stored connections the way the data-connections API shows them; secrets never leave the sandbox. */
final class ConnectionView {

    static final String TENANT_ID = "SbXqcl7DemoTenant0000000000000001";
    static final String USER_ID = "6601c0a3e9b1f24d7a5c8e00";
    private static final String DATA_FILES_PROVIDER = "qix-datafiles.exe";

    private final ConnectorCatalog catalog;
    private final String personalSpaceId;

    ConnectionView(ConnectorCatalog catalog, String personalSpaceId) {
        this.catalog = catalog;
        this.personalSpaceId = personalSpaceId;
    }

    /** The connection; with {@code withProperties} also its {@code connectionProperties} minus secret values. */
    ObjectNode render(StoredConnection connection, String baseUrl, boolean withProperties) {
        Optional<ConnectorSpec> spec = catalog.find(connection.dataSourceId());
        String provider = spec.map(ConnectorSpec::provider).orElse(DATA_FILES_PROVIDER);
        ObjectNode node = Json.MAPPER
                .createObjectNode()
                .put("id", connection.id())
                .put("qID", connection.id())
                .put("qEngineObjectID", connection.id())
                .put("qName", connection.qName())
                .put("qType", provider)
                .put("datasourceID", connection.dataSourceId())
                .put("qConnectStatement", connectStatement(connection, provider, spec))
                .put("qArchitecture", 0)
                .put("qLogOn", 1)
                .put(
                        "qSeparateCredentials",
                        Boolean.TRUE.equals(connection.properties().get("separateCredentials")))
                .put("qCredentialsID", credentialsId(connection))
                .put(
                        "qri",
                        "qri:" + connection.dataSourceId().toLowerCase(java.util.Locale.ROOT) + "://"
                                + connection.id());
        node.putArray("privileges").add("read").add("update").add("delete");
        node.putObject("links")
                .putObject("self")
                .put("href", baseUrl + ApiCall.BASE_PATH + "/data-connections/" + connection.id());
        if (!connection.spaceId().equals(personalSpaceId)) {
            // personal connections carry no space, like on the real tenant
            node.put("space", connection.spaceId());
        }
        var tags = node.putArray("tags");
        connection.tags().forEach(tags::add);
        node.put("created", Json.timestamp(connection.created()))
                .put("updated", Json.timestamp(connection.updated()))
                .put("tenant", TENANT_ID)
                .put("user", USER_ID)
                .put("version", "V1");
        if (withProperties) {
            node.set("connectionProperties", withoutSecrets(connection, spec));
        }
        return node;
    }

    /**
     * What {@code parseConnection=true} shows: the non-secret properties in spec order, with the
     * spec's default filled in where the connection does not set one, as the tenant's connector does.
     */
    private static ObjectNode withoutSecrets(StoredConnection connection, Optional<ConnectorSpec> spec) {
        ObjectNode properties = Json.MAPPER.createObjectNode();
        if (spec.isPresent()) {
            for (String name : spec.get().propertyNames()) {
                JsonNode fallback = spec.get().property(name).get("default");
                if (spec.get().isSecret(name)) {
                    continue;
                }
                if (connection.properties().containsKey(name)) {
                    properties.set(name, Json.toTree(connection.properties().get(name)));
                } else if (fallback != null && !fallback.isNull()) {
                    properties.set(name, fallback.deepCopy());
                }
            }
        }
        for (Map.Entry<String, Object> property : connection.properties().entrySet()) {
            boolean secret = spec.map(s -> s.isSecret(property.getKey())).orElse(true);
            if (!secret && !properties.has(property.getKey())) {
                properties.set(property.getKey(), Json.toTree(property.getValue()));
            }
        }
        return properties;
    }

    private static String connectStatement(StoredConnection connection, String provider, Optional<ConnectorSpec> spec) {
        if (spec.isEmpty()) {
            return "CUSTOM CONNECT TO \"provider=" + provider + ";path=" + connection.spaceId() + ":datafiles;\"";
        }
        StringJoiner parts = new StringJoiner(";", "CUSTOM CONNECT TO \"", ";\"");
        parts.add("provider=" + provider).add("sourceType=" + connection.dataSourceId());
        connection.properties().forEach((name, value) -> {
            JsonNode tree = Json.toTree(value);
            if (!spec.get().isSecret(name) && tree.isValueNode()) {
                parts.add(name + "=" + tree.asString());
            }
        });
        return parts.toString();
    }

    private static String credentialsId(StoredConnection connection) {
        return UUID.nameUUIDFromBytes(("credentials:" + connection.id()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}

package dev.qcl.connector;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the JSON-Schema-like api-specs of a connector into an {@link ApiSpec}. */
final class ApiSpecParser {
    private final JsonMapper mapper;
    private final SecretPolicy secrets;

    ApiSpecParser(JsonMapper mapper, SecretPolicy secrets) {
        this.mapper = mapper;
        this.secrets = secrets;
    }

    JsonNode readTree(String dataSourceId, String json) {
        try {
            JsonNode root = mapper.readTree(json);
            if (root == null || !root.isObject()) {
                throw InvalidApiSpecException.of(dataSourceId, "are not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw InvalidApiSpecException.notJson(dataSourceId, e);
        }
    }

    ApiSpec parse(String dataSourceId, JsonNode root, Instant fetchedAt) {
        JsonNode connection = root.path("connectionProperties");
        JsonNode properties = connection.path("properties");
        if (!properties.isMissingNode() && !properties.isObject()) {
            throw InvalidApiSpecException.of(dataSourceId, "have no object connectionProperties.properties");
        }
        Set<String> required = new HashSet<>();
        connection.path("required").values().forEach(name -> required.add(name.asString("")));
        Map<String, PropertySpec> specs = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            specs.put(property.getKey(), property(property.getKey(), property.getValue(), required));
        }
        return new ApiSpec(
                dataSourceId,
                root.path("connectorProvider").asString(""),
                root.path("connectorVersion").asString(""),
                fetchedAt,
                specs);
    }

    private PropertySpec property(String name, JsonNode node, Set<String> required) {
        boolean markedPassword = "password".equalsIgnoreCase(node.path("format").asString(""));
        return new PropertySpec(
                name,
                type(node.path("type")),
                allowedValues(node.path("enum")),
                required.contains(name) || node.path("required").booleanValue(false),
                secrets.isSecret(name, markedPassword),
                node.path("description").asString(""));
    }

    /** A JSON-Schema type may be a list such as {@code ["string", "null"]}: the first non-null one counts. */
    private static PropertyType type(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode candidate : type.values()) {
                if (candidate.isString() && !candidate.asString().equals("null")) {
                    return PropertyType.of(candidate.asString());
                }
            }
            return PropertyType.STRING;
        }
        return PropertyType.of(type.isString() ? type.asString() : null);
    }

    private static List<String> allowedValues(JsonNode values) {
        List<String> allowed = new ArrayList<>();
        for (JsonNode value : values.values()) {
            if (value.isValueNode() && !value.isNull()) {
                allowed.add(value.asString());
            }
        }
        return allowed;
    }
}

package dev.qcl.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks connection properties and tags the way the tenant does before it stores a connection. */
final class PropertyRules {

    static final int MAX_TAGS = 31;
    static final int MAX_TAG_BYTES = 256;

    private PropertyRules() {}

    /** Every property known to the spec, of the declared JSON type, within its enum; required ones present. */
    static void checkProperties(ConnectorSpec spec, JsonNode properties) {
        if (!properties.isObject()) {
            throw SandboxApiException.badRequest("connectionProperties must be a JSON object");
        }
        for (var entry : properties.properties()) {
            checkProperty(spec, entry.getKey(), entry.getValue());
        }
        for (String name : spec.required()) {
            if (!properties.has(name)) {
                throw SandboxApiException.badRequest("Missing required connection property '" + name
                        + "' for data source '" + spec.dataSourceId() + "'");
            }
        }
    }

    static List<String> checkTags(JsonNode tags) {
        List<String> result = new ArrayList<>();
        if (tags == null || tags.isNull()) {
            return result;
        }
        if (!tags.isArray()) {
            throw SandboxApiException.badRequest("tags must be an array of strings");
        }
        if (tags.size() > MAX_TAGS) {
            throw SandboxApiException.badRequest(
                    "Too many tags: " + tags.size() + ", at most " + MAX_TAGS + " allowed");
        }
        for (JsonNode tag : tags) {
            if (!tag.isString()) {
                throw SandboxApiException.badRequest("tags must be an array of strings");
            }
            if (tag.asString().getBytes(StandardCharsets.UTF_8).length > MAX_TAG_BYTES) {
                throw SandboxApiException.badRequest("Tag longer than " + MAX_TAG_BYTES + " bytes: " + tag.asString());
            }
            result.add(tag.asString());
        }
        return result;
    }

    private static void checkProperty(ConnectorSpec spec, String name, JsonNode value) {
        JsonNode declared = spec.property(name);
        if (declared == null) {
            throw SandboxApiException.badRequest("Unknown connection property '" + name + "' for data source '"
                    + spec.dataSourceId() + "'; known properties: " + String.join(", ", spec.propertyNames()));
        }
        String type = declared.path("type").asString("string");
        if (!hasType(value, type)) {
            throw SandboxApiException.badRequest(
                    "Connection property '" + name + "' must be of type " + type + ", got " + describe(value));
        }
        JsonNode allowed = declared.get("enum");
        if (allowed != null && allowed.isArray() && !contains(allowed, value)) {
            throw SandboxApiException.badRequest("Connection property '" + name + "' has value " + value
                    + " which is not one of " + allowed + " (enum values are case sensitive)");
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "string" -> value.isString();
            case "boolean" -> value.isBoolean();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> !value.isNull();
        };
    }

    private static boolean contains(JsonNode allowed, JsonNode value) {
        for (JsonNode candidate : allowed) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(JsonNode value) {
        if (value.isNull()) {
            return "null";
        }
        if (value.isString()) {
            return "string";
        }
        if (value.isIntegralNumber()) {
            return "integer";
        }
        return value.isNumber() ? "number" : value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}

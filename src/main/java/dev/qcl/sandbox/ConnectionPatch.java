package dev.qcl.sandbox;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** A connection being changed by a JSON-patch list; properties are checked against the spec at the end. */
final class ConnectionPatch {

    private static final String PROPERTIES = "/connectionProperties";

    private final StoredConnection old;
    private final ConnectorSpec spec;
    private String qName;
    private List<String> tags;
    private ObjectNode properties;

    ConnectionPatch(StoredConnection old, ConnectorSpec spec) {
        this.old = old;
        this.spec = spec;
        this.qName = old.qName();
        this.tags = old.tags();
        this.properties = (ObjectNode) Json.toTree(old.properties());
    }

    void apply(JsonNode operation) {
        String op = operation.path("op").asString("");
        String path = operation.path("path").asString("");
        JsonNode value = operation.get("value");
        if (!List.of("add", "replace", "remove").contains(op)) {
            throw SandboxApiException.badRequest("Unsupported patch op '" + op + "'; use add, replace or remove");
        }
        if (!op.equals("remove") && value == null) {
            throw SandboxApiException.badRequest("Patch op '" + op + "' on " + path + " needs a value");
        }
        if (path.startsWith(PROPERTIES + "/")) {
            String name =
                    path.substring(PROPERTIES.length() + 1).replace("~1", "/").replace("~0", "~");
            if (op.equals("remove")) {
                properties.remove(name);
            } else {
                properties.set(name, value);
            }
        } else if (path.equals(PROPERTIES) && !op.equals("remove") && value.isObject()) {
            properties = (ObjectNode) value.deepCopy();
        } else if (path.equals("/qName")
                && !op.equals("remove")
                && value.isString()
                && !value.asString().isBlank()) {
            qName = value.asString();
        } else if (path.equals("/tags") && !op.equals("remove")) {
            tags = ConnectionWrites.withTenantTag(PropertyRules.checkTags(value), spec);
        } else {
            throw SandboxApiException.badRequest("Unsupported patch: op '" + op + "' on path '" + path + "'");
        }
    }

    StoredConnection result() {
        PropertyRules.checkProperties(spec, properties);
        return new StoredConnection(
                old.id(),
                qName,
                old.dataSourceId(),
                old.spaceId(),
                ConnectionWrites.toMap(properties),
                tags,
                old.created(),
                old.updated());
    }
}

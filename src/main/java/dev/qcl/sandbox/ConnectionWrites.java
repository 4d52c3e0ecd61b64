package dev.qcl.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** {@code POST}, {@code PUT}, {@code PATCH} and {@code DELETE} on data connections, validated like the tenant does. */
final class ConnectionWrites {

    private final TenantState state;
    private final ConnectorCatalog catalog;
    private final ConnectionView view;

    ConnectionWrites(TenantState state, ConnectorCatalog catalog, ConnectionView view) {
        this.state = state;
        this.catalog = catalog;
        this.view = view;
    }

    Reply create(ApiCall call) {
        JsonNode body = requireObject(call.body());
        String dataSourceId =
                text(body, "dataSourceId").isEmpty() ? text(body, "datasourceID") : text(body, "dataSourceId");
        ConnectorSpec spec = spec(dataSourceId);
        String qName = text(body, "qName");
        if (qName.isBlank()) {
            throw SandboxApiException.badRequest("qName is required");
        }
        JsonNode properties =
                body.has("connectionProperties") ? body.get("connectionProperties") : Json.MAPPER.createObjectNode();
        PropertyRules.checkProperties(spec, properties);
        List<String> tags = withTenantTag(PropertyRules.checkTags(body.get("tags")), spec);
        String spaceId = targetSpace(text(body, "space"));
        StoredConnection created = state.create(spaceId, qName, dataSourceId, toMap(properties), tags);
        return Reply.json(201, view.render(created, call.baseUrl(), false));
    }

    Reply replace(ApiCall call) {
        JsonNode body = requireObject(call.body());
        TenantState.Entry entry = ConnectionReads.find(state, call);
        state.update(entry.connection().id(), old -> {
            ConnectorSpec spec = spec(old.dataSourceId());
            String dataSourceId =
                    text(body, "dataSourceId").isEmpty() ? text(body, "datasourceID") : text(body, "dataSourceId");
            if (!dataSourceId.isEmpty() && !dataSourceId.equals(old.dataSourceId())) {
                throw SandboxApiException.badRequest(
                        "The data source of a connection cannot change: " + old.dataSourceId() + " -> " + dataSourceId);
            }
            String qName = text(body, "qName").isBlank() ? old.qName() : text(body, "qName");
            JsonNode properties = body.has("connectionProperties")
                    ? body.get("connectionProperties")
                    : Json.MAPPER.createObjectNode();
            PropertyRules.checkProperties(spec, properties);
            List<String> tags =
                    body.has("tags") ? withTenantTag(PropertyRules.checkTags(body.get("tags")), spec) : old.tags();
            String spaceId = body.has("space") ? targetSpace(text(body, "space")) : old.spaceId();
            return new StoredConnection(
                    old.id(),
                    qName,
                    old.dataSourceId(),
                    spaceId,
                    toMap(properties),
                    tags,
                    old.created(),
                    old.updated());
        });
        return Reply.noContent();
    }

    Reply patch(ApiCall call) {
        JsonNode body = call.body();
        JsonNode operations = body.isObject() ? body.path("patchData") : body;
        if (!operations.isArray() || operations.isEmpty()) {
            throw SandboxApiException.badRequest("Body must be a non-empty JSON-patch list of {op, path, value}");
        }
        TenantState.Entry entry = ConnectionReads.find(state, call);
        state.update(entry.connection().id(), old -> {
            var patched = new ConnectionPatch(old, spec(old.dataSourceId()));
            operations.forEach(patched::apply);
            return patched.result();
        });
        return Reply.noContent();
    }

    Reply delete(ApiCall call) {
        state.delete(ConnectionReads.find(state, call).connection().id());
        return Reply.noContent();
    }

    /**
     * {@code POST /data-connections/actions/delete}: admins only (403 otherwise); 207 with one status
     * per connection, 204 for each deleted, the error of each that was not.
     */
    Reply deleteMany(ApiCall call) {
        if (!state.admin()) {
            throw SandboxApiException.forbidden("User has no access to the endpoint. The endpoint requires Admin role");
        }
        JsonNode connections = requireObject(call.body()).path("connections");
        if (!connections.isArray() || connections.isEmpty()) {
            throw SandboxApiException.badRequest("connections must be a non-empty list of {id}");
        }
        var body = Json.MAPPER.createObjectNode();
        var data = body.putArray("data");
        for (JsonNode item : connections) {
            String id = item.path("id").asString("");
            var result = data.addObject().put("id", id);
            try {
                if (id.isBlank()) {
                    throw SandboxApiException.badRequest("id is required");
                }
                state.delete(id);
                result.put("status", 204);
            } catch (SandboxApiException e) {
                result.put("status", e.status());
                result.putObject("error")
                        .put("code", e.code())
                        .put("title", e.title())
                        .put("detail", e.detail());
            }
        }
        return Reply.json(207, body);
    }

    static List<String> withTenantTag(List<String> tags, ConnectorSpec spec) {
        List<String> all = new ArrayList<>(tags);
        if (!all.contains(spec.dcaasTag())) {
            all.add(spec.dcaasTag());
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> toMap(JsonNode properties) {
        return (Map<String, Object>) Json.toValue(properties);
    }

    private ConnectorSpec spec(String dataSourceId) {
        if (dataSourceId.isBlank()) {
            throw SandboxApiException.badRequest("dataSourceId is required");
        }
        return catalog.find(dataSourceId)
                .orElseThrow(() -> SandboxApiException.badRequest("Unknown data source: " + dataSourceId));
    }

    private String targetSpace(String space) {
        if (space.isBlank()) {
            return state.personalSpaceId();
        }
        if (!state.isConnectionSpace(space)) {
            throw SandboxApiException.notFound("Space not found: " + space);
        }
        return space;
    }

    private static JsonNode requireObject(JsonNode body) {
        if (!body.isObject()) {
            throw SandboxApiException.badRequest("Body must be a JSON object");
        }
        return body;
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return "";
        }
        if (!value.isString()) {
            throw SandboxApiException.badRequest(field + " must be a string");
        }
        return value.asString();
    }
}

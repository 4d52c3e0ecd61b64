package dev.qcl.sandbox;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /spaces} (case-insensitive substring search on name, paged) and {@code GET /spaces/{id}}. */
final class SpacesEndpoint {

    private static final String CURSOR = "next";
    private static final String CREATED_AT = "2024-01-15T09:00:00.000Z";

    private final TenantState state;

    SpacesEndpoint(TenantState state) {
        this.state = state;
    }

    Reply list(ApiCall call) {
        int limit = call.limit(10);
        String name = call.param("name").orElse("").toLowerCase(Locale.ROOT);
        Set<String> types = call.param("type").map(t -> Set.of(t.split(","))).orElse(Set.of());
        List<SandboxSpace> matching = state.spaces().stream()
                .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(name))
                .filter(s -> types.isEmpty() || types.contains(s.type()))
                .toList();
        int offset = (int)
                call.param(CURSOR).map(c -> Cursors.decode("o", c)).orElse(0L).longValue();
        int end = Math.min(matching.size(), offset + limit);
        ObjectNode body = Json.MAPPER.createObjectNode();
        var data = body.putArray("data");
        matching.subList(Math.min(offset, end), end).forEach(s -> data.add(render(s, call.baseUrl())));
        var links = body.putObject("links");
        links.putObject("self").put("href", call.selfHref());
        if (end < matching.size()) {
            links.putObject("next").put("href", call.hrefWithCursor(CURSOR, Cursors.encode("o", end), Set.of(CURSOR)));
        }
        body.putObject("meta").put("count", matching.size());
        return Reply.json(200, body);
    }

    Reply get(ApiCall call) {
        String id = call.segments().get(1);
        SandboxSpace space = state.space(id).orElseThrow(() -> SandboxApiException.notFound("Space not found: " + id));
        return Reply.json(200, render(space, call.baseUrl()));
    }

    private static ObjectNode render(SandboxSpace space, String baseUrl) {
        String self = baseUrl + ApiCall.BASE_PATH + "/spaces/" + space.id();
        ObjectNode node = Json.MAPPER
                .createObjectNode()
                .put("id", space.id())
                .put("name", space.name())
                .put("type", space.type())
                .put("description", "")
                .put("tenantId", ConnectionView.TENANT_ID)
                .put("ownerId", ConnectionView.USER_ID)
                .put("createdBy", ConnectionView.USER_ID)
                .put("createdAt", CREATED_AT)
                .put("updatedAt", CREATED_AT);
        var links = node.putObject("links");
        links.putObject("self").put("href", self);
        links.putObject("assignments").put("href", self + "/assignments");
        var meta = node.putObject("meta");
        meta.putArray("actions").add("read").add("update").add("create");
        meta.putArray("roles").add("producer");
        meta.putArray("assignableRoles").add("consumer").add("producer").add("dataconsumer");
        return node;
    }
}

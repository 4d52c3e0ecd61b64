package dev.qcl.sandbox;

import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET /data-connections} (paged by cursor) and {@code GET /data-connections/{id or name}}. */
final class ConnectionReads {

    private static final String CURSOR = "page";
    private static final Set<String> CURSOR_NAMES = Set.of(CURSOR, "next");
    private static final int DEFAULT_LIMIT = 32;

    private final TenantState state;
    private final ConnectionView view;

    ConnectionReads(TenantState state, ConnectionView view) {
        this.state = state;
        this.view = view;
    }

    Reply list(ApiCall call) {
        int limit = call.limit(DEFAULT_LIMIT);
        long after = call.param(CURSOR)
                .or(() -> call.param("next"))
                .map(c -> Cursors.decode("s", c))
                .orElse(0L);
        TenantState.Page page = state.page(filter(call), after, limit);
        ObjectNode body = Json.MAPPER.createObjectNode();
        var data = body.putArray("data");
        page.entries().forEach(e -> data.add(view.render(e.connection(), call.baseUrl(), false)));
        var links = body.putObject("links");
        links.putObject("self").put("href", call.selfHref());
        if (page.hasMore()) {
            long last = page.entries().get(page.entries().size() - 1).seq();
            links.putObject("next").put("href", call.hrefWithCursor(CURSOR, Cursors.encode("s", last), CURSOR_NAMES));
        }
        body.putObject("meta").put("count", page.total());
        return Reply.json(200, body);
    }

    Reply get(ApiCall call) {
        TenantState.Entry entry = find(state, call);
        return Reply.json(200, view.render(entry.connection(), call.baseUrl(), call.flag("parseConnection")));
    }

    /** The connection a {@code /data-connections/{x}} call names: by ID, or by name with {@code type=connectionname}. */
    static TenantState.Entry find(TenantState state, ApiCall call) {
        String key = call.segments().get(1);
        if ("connectionname".equals(call.param("type").orElse(""))) {
            String spaceId = call.param("spaceId").filter(s -> !s.isBlank()).orElse(state.personalSpaceId());
            return state.byName(spaceId, key)
                    .orElseThrow(() -> SandboxApiException.notFound(
                            "Data connection '" + key + "' not found in space " + spaceId));
        }
        return state.byId(key).orElseThrow(() -> SandboxApiException.notFound("Data connection not found: " + key));
    }

    private Predicate<TenantState.Entry> filter(ApiCall call) {
        Predicate<TenantState.Entry> filter = e -> true;
        var spaceId = call.param("spaceId").filter(s -> !s.isBlank());
        if (spaceId.isPresent()) {
            filter = e -> e.connection().spaceId().equals(spaceId.get());
        } else if (call.flag("personal")) {
            filter = e -> e.connection().spaceId().equals(state.personalSpaceId());
        }
        if (call.flag("noDatafiles")) {
            filter = filter.and(e -> !e.builtIn());
        }
        return filter;
    }
}

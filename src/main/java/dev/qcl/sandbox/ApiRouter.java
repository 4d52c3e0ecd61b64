package dev.qcl.sandbox;

import java.util.List;

/** Sends each API call to the endpoint that answers it. */
final class ApiRouter {

    private static final String DATA_SOURCES = "data-sources";
    private static final String SPACES = "spaces";
    private static final String CONNECTIONS = "data-connections";

    private final CatalogEndpoints catalog;
    private final SpacesEndpoint spaces;
    private final ConnectionReads reads;
    private final ConnectionWrites writes;

    ApiRouter(CatalogEndpoints catalog, SpacesEndpoint spaces, ConnectionReads reads, ConnectionWrites writes) {
        this.catalog = catalog;
        this.spaces = spaces;
        this.reads = reads;
        this.writes = writes;
    }

    Reply route(ApiCall call) {
        List<String> s = call.segments();
        String m = call.method();
        if (s.size() == 1 && s.get(0).equals(DATA_SOURCES)) {
            return only("GET", m, () -> catalog.dataSources(call));
        }
        if (s.size() == 3 && s.get(0).equals(DATA_SOURCES) && s.get(2).equals("api-specs")) {
            return only("GET", m, () -> catalog.apiSpecs(call));
        }
        if (s.size() == 1 && s.get(0).equals(SPACES)) {
            return only("GET", m, () -> spaces.list(call));
        }
        if (s.size() == 2 && s.get(0).equals(SPACES)) {
            return only("GET", m, () -> spaces.get(call));
        }
        if (s.size() == 1 && s.get(0).equals(CONNECTIONS)) {
            return switch (m) {
                case "GET" -> reads.list(call);
                case "POST" -> writes.create(call);
                default -> throw notAllowed(m, call);
            };
        }
        if (s.size() == 3
                && s.get(0).equals(CONNECTIONS)
                && s.get(1).equals("actions")
                && s.get(2).equals("delete")) {
            return only("POST", m, () -> writes.deleteMany(call));
        }
        if (s.size() == 2 && s.get(0).equals(CONNECTIONS)) {
            return switch (m) {
                case "GET" -> reads.get(call);
                case "PATCH" -> writes.patch(call);
                case "PUT" -> writes.replace(call);
                case "DELETE" -> writes.delete(call);
                default -> throw notAllowed(m, call);
            };
        }
        throw SandboxApiException.notFound("No such endpoint: " + call.method() + " " + call.rawPath());
    }

    private static Reply only(String allowed, String method, java.util.function.Supplier<Reply> endpoint) {
        if (!allowed.equals(method)) {
            throw SandboxApiException.methodNotAllowed(method + " is not supported here");
        }
        return endpoint.get();
    }

    private static SandboxApiException notAllowed(String method, ApiCall call) {
        return SandboxApiException.methodNotAllowed(method + " is not supported on " + call.rawPath());
    }
}

package dev.qcl.sandbox;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/** One HTTP answer of the sandbox before WireMock renders it; {@code body} is null for 204. */
record Reply(int status, JsonNode body, Map<String, String> headers) {

    Reply {
        headers = Map.copyOf(headers);
    }

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, Map.of());
    }

    static Reply noContent() {
        return new Reply(204, null, Map.of());
    }

    static Reply error(SandboxApiException error) {
        return error(error, Map.of());
    }

    static Reply error(SandboxApiException error, Map<String, String> headers) {
        var item = Json.MAPPER
                .createObjectNode()
                .put("code", error.code())
                .put("title", error.title())
                .put("detail", error.detail())
                .put("status", error.status());
        var body = Json.MAPPER.createObjectNode();
        body.putArray("errors").add(item);
        return new Reply(error.status(), body, headers);
    }
}

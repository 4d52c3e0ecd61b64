package dev.qcl.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The sandbox's one JSON mapper and the few conversions every endpoint needs. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static JsonNode parseBody(String body) {
        if (body == null || body.isBlank()) {
            throw SandboxApiException.badRequest("Request body is missing");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw SandboxApiException.badRequest("Request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonNode classpathResource(String name) {
        try (InputStream in = Json.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Sandbox resource missing from the classpath: " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read sandbox resource " + name, e);
        }
    }

    static Object toValue(JsonNode node) {
        return MAPPER.treeToValue(node, Object.class);
    }

    static JsonNode toTree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Qlik writes millisecond timestamps like {@code 2024-03-01T16:00:00.910Z}. */
    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}

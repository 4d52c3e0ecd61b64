package dev.qcl.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Test fixture: a plain JDK HTTP client that talks to a running sandbox tenant. */
final class SandboxHttp {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SandboxTenant tenant;

    SandboxHttp(SandboxTenant tenant) {
        this.tenant = tenant;
    }

    HttpResponse<String> get(String pathOrUrl) throws IOException, InterruptedException {
        return send("GET", pathOrUrl, null, tenant.apiKey());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send("POST", path, json, tenant.apiKey());
    }

    HttpResponse<String> send(String method, String pathOrUrl, String json, String apiKey)
            throws IOException, InterruptedException {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : tenant.url() + "/api/v1" + pathOrUrl;
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        builder.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) {
        return Json.MAPPER.readTree(response.body());
    }

    /** A valid create body for a postgres connection. */
    static String postgres(String qName, String spaceId) {
        String space = spaceId == null ? "" : "\"space\": \"" + spaceId + "\", ";
        return """
                {"dataSourceId": "postgres", "qName": "%s", %s"connectionProperties":
                  {"host": "db.example.com", "port": 5432, "database": "dw", "username": "qlik", "password": "demo-only-secret", "SSL": true},
                 "tags": ["migrated", "finance"]}
                """.formatted(qName, space);
    }
}

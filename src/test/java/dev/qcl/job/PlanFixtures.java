package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sheets, seeded connections and changes made in the tenant between a plan and its application. */
final class PlanFixtures {
    static final List<String> HEADER =
            List.of("qName", "dataSourceId", "spaceName", "host", "port", "database", "password");
    static final String SECRET = "pl4n-s3cret-value";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanFixtures() {}

    /** A postgres row in Finance on port {@code port}, with the secret password. */
    static Sheets row(Sheets sheet, String qName, String port) {
        return sheet.row(qName, "postgres", "Finance", qName + ".example.com", port, "sales", SECRET);
    }

    /** A postgres row in Finance on port {@code port} that leaves the password as it is. */
    static Sheets rowWithoutSecret(Sheets sheet, String qName, String port) {
        return sheet.row(qName, "postgres", "Finance", qName + ".example.com", port, "sales", "");
    }

    /** The qNames of the creates the tenant received. */
    static List<String> posted(TestTenant tenant) {
        return requests(tenant, "POST", "/api/v1/data-connections").stream()
                .filter(r -> URI.create(r.getUrl()).getPath().equals("/api/v1/data-connections"))
                .map(r -> JSON.readTree(r.getBodyAsString()).get("qName").asString())
                .toList();
    }

    /** The connection IDs of the PATCHes the tenant received. */
    static List<String> patched(TestTenant tenant) {
        return requests(tenant, "PATCH", "/api/v1/data-connections/").stream()
                .map(r -> URI.create(r.getUrl()).getPath().substring("/api/v1/data-connections/".length()))
                .toList();
    }

    /** The connection IDs the tenant was asked to delete, in bulk or one by one. */
    static List<String> deleted(TestTenant tenant) {
        List<String> ids = new java.util.ArrayList<>();
        requests(tenant, "POST", "/api/v1/data-connections/actions/delete")
                .forEach(r -> JSON.readTree(r.getBodyAsString())
                        .get("connections")
                        .valueStream()
                        .forEach(c -> ids.add(c.get("id").asString())));
        requests(tenant, "DELETE", "/api/v1/data-connections/")
                .forEach(
                        r -> ids.add(URI.create(r.getUrl()).getPath().substring("/api/v1/data-connections/".length())));
        return ids;
    }

    static List<LoggedRequest> requests(TestTenant tenant, String method, String pathPrefix) {
        return tenant.sandbox().server().findAll(anyRequestedFor(anyUrl())).stream()
                .filter(r -> r.getMethod().getName().equals(method)
                        && URI.create(r.getUrl()).getPath().startsWith(pathPrefix))
                .toList();
    }

    /** Clears what the tenant received so far, so that what an apply sends can be told apart. */
    static void forgetRequests(TestTenant tenant) {
        tenant.sandbox().server().resetRequests();
    }

    /** A postgres connection in Finance on port 5432, as the sheet's rows describe it, with the given tags. */
    static StoredConnection seed(TestTenant tenant, String qName, String... tags) {
        return tenant.sandbox()
                .addConnection(
                        SandboxSeed.FINANCE_SPACE_ID,
                        qName,
                        "postgres",
                        Map.of("host", qName + ".example.com", "port", 5432, "database", "sales"),
                        List.of(tags));
    }

    static StoredConnection stored(TestTenant tenant, String qName) {
        List<StoredConnection> found = tenant.sandbox().connectionsNamed(qName);
        if (found.size() != 1) {
            throw new AssertionError("expected one connection named " + qName + ", found " + found.size());
        }
        return found.get(0);
    }

    static JsonNode read(Path plan) throws IOException {
        return JSON.readTree(Files.readString(plan));
    }

    /** The planned row of that name. */
    static JsonNode plannedRow(JsonNode plan, String qName) {
        return plan.get("rows")
                .valueStream()
                .filter(r -> r.get("qName").asString().equals(qName))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no planned row " + qName));
    }

    /** Changes a property the way a person in the hub would: one PATCH straight to the tenant. */
    static void edit(TestTenant tenant, String connectionId, String property, Object value)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                List.of(Map.of("op", "replace", "path", "/connectionProperties/" + property, "value", value)));
        send(tenant, "PATCH", connectionId, body);
    }

    /** Deletes a connection straight in the tenant. */
    static void delete(TestTenant tenant, String connectionId) throws IOException, InterruptedException {
        send(tenant, "DELETE", connectionId, null);
    }

    private static void send(TestTenant tenant, String method, String connectionId, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(tenant.sandbox().url() + "/api/v1/data-connections/" + connectionId))
                .header("Authorization", "Bearer " + tenant.sandbox().apiKey())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new AssertionError(method + " was refused: " + response.statusCode() + " " + response.body());
        }
    }
}

package dev.qcl.prune;

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
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Connections of owned sets in the sandbox, sheets that name them, and what the tenant received. */
final class OwnedSetFixtures {
    static final List<String> HEADER = List.of("qName", "dataSourceId", "spaceName", "host", "port", "database");
    static final String DELETE_ACTION = "/api/v1/data-connections/actions/delete";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private OwnedSetFixtures() {}

    /** A postgres connection in Finance on port 5432 with the given user tags. */
    static StoredConnection seed(TestTenant tenant, String qName, String... tags) {
        return tenant.sandbox()
                .addConnection(
                        SandboxSeed.FINANCE_SPACE_ID,
                        qName,
                        "postgres",
                        Map.of("host", qName + ".example.com", "port", 5432, "database", "sales"),
                        List.of(tags));
    }

    /** A sheet of postgres rows in Finance, each like {@link #seed} made it (port 5432). */
    static Path sheet(Path file, String... qNames) {
        Sheets sheet = Sheets.with(HEADER);
        for (String qName : qNames) {
            sheet.row(qName, "postgres", "Finance", qName + ".example.com", "5432", "sales");
        }
        return sheet.write(file);
    }

    static StoredConnection stored(TestTenant tenant, String qName) {
        List<StoredConnection> found = tenant.sandbox().connectionsNamed(qName);
        if (found.size() != 1) {
            throw new AssertionError("expected one connection named " + qName + ", found " + found.size());
        }
        return found.get(0);
    }

    static List<String> names(TestTenant tenant) {
        return tenant.sandbox().connections().stream()
                .map(StoredConnection::qName)
                .toList();
    }

    /** Every request the tenant received, oldest first. */
    static List<LoggedRequest> journal(TestTenant tenant) {
        return tenant.sandbox().server().findAll(anyRequestedFor(anyUrl()));
    }

    static List<LoggedRequest> requests(TestTenant tenant, String method, String pathPrefix) {
        return journal(tenant).stream()
                .filter(r -> r.getMethod().getName().equals(method)
                        && URI.create(r.getUrl()).getPath().startsWith(pathPrefix))
                .toList();
    }

    /** The connection IDs of each bulk delete the tenant received. */
    static List<List<String>> bulkDeletes(TestTenant tenant) {
        return requests(tenant, "POST", DELETE_ACTION).stream()
                .map(r -> JSON.readTree(r.getBodyAsString())
                        .get("connections")
                        .valueStream()
                        .map(c -> c.get("id").asString())
                        .toList())
                .toList();
    }

    /** Changes a connection the way a person in the hub would: one PATCH straight to the tenant. */
    static void editThroughTheApi(TestTenant tenant, String connectionId, String property, Object value)
            throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(
                List.of(Map.of("op", "replace", "path", "/connectionProperties/" + property, "value", value)));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(tenant.sandbox().url() + "/api/v1/data-connections/" + connectionId))
                .header("Authorization", "Bearer " + tenant.sandbox().apiKey())
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 204) {
            throw new AssertionError("the edit was refused: " + response.statusCode() + " " + response.body());
        }
    }

    static JsonNode summary(TestTenant tenant, long runId) throws IOException {
        return JSON.readTree(
                java.nio.file.Files.readString(tenant.home().resolve("reports/run-" + runId + "/summary.json")));
    }
}

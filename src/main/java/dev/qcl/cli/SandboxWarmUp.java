package dev.qcl.cli;

import dev.qcl.sandbox.ReadQuota;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxSpace;
import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the sandbox's request paths in a throw-away instance before the real one starts: a fresh JVM
 * answers its first requests ten to fifty times slower than later ones (classes loaded, code compiled),
 * which a real tenant never does and which would show up in the first seconds of every benchmark.
 * The instance the URL file announces starts afterwards with untouched state, quotas and counters.
 */
final class SandboxWarmUp {
    private static final int ROUNDS = 40;
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private SandboxWarmUp() {}

    /** Returns the number of warm-up requests that were not answered 2xx (0 unless a path broke). */
    static int run() throws IOException, InterruptedException {
        String key = "warm-up-" + UUID.randomUUID();
        Responses responses = new Responses();
        try (SandboxTenant warm =
                SandboxTenant.start(SandboxSettings.defaults().withPort(0).withApiKey(key), ReadQuota.none())) {
            HttpClient client = HttpClient.newHttpClient();
            SandboxSpace space = warm.spaces().get(0);
            String api = warm.url() + "/api/v1";
            for (int i = 0; i < ROUNDS; i++) {
                responses.send(client, key, "GET", api + "/data-sources", null);
                responses.send(client, key, "GET", api + "/data-sources/postgres/api-specs", null);
                responses.send(
                        client,
                        key,
                        "GET",
                        api + "/spaces?name=" + space.name().replace(" ", "%20") + "&limit=100",
                        null);
                responses.send(client, key, "GET", api + "/spaces/" + space.id(), null);
                String created = responses.send(
                        client,
                        key,
                        "POST",
                        api + "/data-connections",
                        "{\"qName\":\"warm-up-" + i + "\",\"dataSourceId\":\"postgres\",\"space\":\"" + space.id()
                                + "\",\"connectionProperties\":{\"host\":\"h\",\"database\":\"d\"}}");
                responses.send(
                        client, key, "GET", api + "/data-connections?spaceId=" + space.id() + "&limit=100", null);
                Matcher id = ID.matcher(created);
                if (id.find()) {
                    responses.send(
                            client,
                            key,
                            "PATCH",
                            api + "/data-connections/" + id.group(1),
                            "[{\"op\":\"replace\",\"path\":\"/connectionProperties/host\",\"value\":\"h2\"}]");
                    responses.send(client, key, "DELETE", api + "/data-connections/" + id.group(1), null);
                }
            }
        }
        return responses.refused;
    }

    private static final class Responses {
        int refused;

        String send(HttpClient client, String key, String method, String url, String body)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                refused++;
            }
            return response.body();
        }
    }
}

package dev.qcl;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.QlikSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A WireMock tenant on 127.0.0.1 and a real client for it: one attempt per call, so a refusal or a
 * 503 reaches the class under test at once. Each test stubs what the tenant answers. As a field with
 * {@code @RegisterExtension}, it stops after each test by itself.
 */
public final class LoopbackTenant implements AutoCloseable, AfterEachCallback {
    public final WireMockServer server;
    public final QlikClient client;

    private LoopbackTenant() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        client = new QlikClient(
                new QlikSettings(
                        URI.create("http://127.0.0.1:" + server.port()),
                        new Identity.ApiKey("test-key-0123456789"),
                        "/api/v1",
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        10_000,
                        10_000,
                        1,
                        Duration.ofMillis(1),
                        Duration.ofMillis(1),
                        Duration.ofMinutes(1),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(5)),
                new HttpStats());
    }

    public static LoopbackTenant start() {
        return new LoopbackTenant();
    }

    /** A JSON error body as the tenant sends it. */
    public static String errors(String title, String detail) {
        return "{\"errors\":[{\"code\":\"X-1\",\"title\":\"" + title + "\",\"detail\":\"" + detail + "\"}]}";
    }

    /** One connection of a listing or a look-up, without properties. */
    public static String connection(String id, String qName, String spaceId) {
        return "{\"id\":\"" + id + "\",\"qName\":\"" + qName + "\",\"datasourceID\":\"postgres\""
                + (spaceId == null ? "" : ",\"space\":\"" + spaceId + "\"") + ",\"tags\":[]}";
    }

    /** One page of a listing, the last. */
    public static String page(String... items) {
        return "{\"data\":[" + String.join(",", items) + "],\"links\":{}}";
    }

    @Override
    public void close() {
        client.close();
        server.stop();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }
}

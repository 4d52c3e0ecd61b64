package dev.qcl.qlik;

import java.net.URI;
import java.time.Duration;

/** Settings and JSON bodies shared by the client tests. */
final class TenantFixtures {
    static final String API_KEY = "test-api-key-0123456789";
    static final String SECRET = "hunter2-secret-value";

    private TenantFixtures() {}

    /** The fixtures' settings on port 8443 with another write rate and window. */
    static QlikSettings windowed(int perMinute, Duration window) {
        QlikSettings s = settings(8443);
        return new QlikSettings(
                s.tenantUrl(),
                s.identity(),
                s.basePath(),
                s.connectTimeout(),
                s.readTimeout(),
                perMinute,
                s.readsPerMinute(),
                s.maxAttempts(),
                s.initialBackoff(),
                s.maxBackoff(),
                s.maxTimePerRow(),
                s.maxThrottleWait(),
                window);
    }

    static QlikSettings settings(int port) {
        return settings(port, Duration.ofSeconds(5));
    }

    static QlikSettings settings(int port, Duration readTimeout) {
        return new QlikSettings(
                URI.create("http://localhost:" + port),
                new Identity.ApiKey(API_KEY),
                "/api/v1",
                Duration.ofSeconds(2),
                readTimeout,
                100,
                1_000,
                6,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                Duration.ofMinutes(5));
    }

    /** The fixture's settings with another tenant URL. */
    static QlikSettings settings(URI tenantUrl, String apiKey) {
        QlikSettings s = settings(443);
        return new QlikSettings(
                tenantUrl,
                new Identity.ApiKey(apiKey),
                s.basePath(),
                s.connectTimeout(),
                s.readTimeout(),
                s.writesPerMinute(),
                s.readsPerMinute(),
                s.maxAttempts(),
                s.initialBackoff(),
                s.maxBackoff(),
                s.maxTimePerRow(),
                s.maxThrottleWait(),
                s.window());
    }

    static String errors(int status, String title, String detail) {
        return "{\"errors\":[{\"code\":\"DCERROR-0010\",\"title\":\"" + title + "\",\"detail\":\"" + detail
                + "\",\"status\":" + status + "}]}";
    }

    static String connection(String id, String qName, String space) {
        return "{\"qID\":\"" + id + "\",\"id\":\"" + id + "\",\"qName\":\"" + qName + "\","
                + "\"datasourceID\":\"File_AmazonS3ConnectorV2\","
                + (space == null ? "" : "\"space\":\"" + space + "\",")
                + "\"tags\":[\"migrated\",\"DcaasAPI:x\"],\"qConnectStatement\":\"CUSTOM CONNECT TO x\"}";
    }
}

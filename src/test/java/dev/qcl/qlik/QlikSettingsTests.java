package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checks of the settings record; the defaults are tested where production makes them (batch.ClientSettingsTests). */
class QlikSettingsTests {
    private static final URI TENANT = URI.create("https://acme.eu.qlikcloud.com/");

    @Test
    void should_resolve_the_api_root_without_a_double_slash() {
        assertThat(TenantFixtures.settings(TENANT, "key").apiRoot())
                .hasToString("https://acme.eu.qlikcloud.com/api/v1");
    }

    @Test
    void should_mask_the_api_key_in_to_string() {
        QlikSettings settings = TenantFixtures.settings(TENANT, "very-secret-key");

        assertThat(settings.toString()).doesNotContain("very-secret-key").contains("identity=ApiKey[****]");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:9000", "https://x.qlikcloud.com"})
    void should_accept_https_and_plain_http_on_loopback(String url) {
        assertThat(TenantFixtures.settings(URI.create(url), "key").tenantUrl()).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.eu.qlikcloud.com", "ftp://localhost", "acme.eu.qlikcloud.com"})
    void should_reject_plain_http_to_remote_hosts_and_other_schemes(String url) {
        assertThatThrownBy(() -> TenantFixtures.settings(URI.create(url), "key"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_reject_a_blank_key_a_zero_rate_and_a_zero_window() {
        QlikSettings s = TenantFixtures.settings(TENANT, "key");
        assertThatThrownBy(() -> TenantFixtures.settings(TENANT, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QlikSettings(
                        TENANT,
                        new Identity.ApiKey("key"),
                        s.basePath(),
                        s.connectTimeout(),
                        s.readTimeout(),
                        0,
                        s.readsPerMinute(),
                        s.maxAttempts(),
                        s.initialBackoff(),
                        s.maxBackoff(),
                        s.maxTimePerRow(),
                        s.maxThrottleWait(),
                        s.window()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writesPerMinute");
        assertThatThrownBy(() -> new QlikSettings(
                        TENANT,
                        new Identity.ApiKey("key"),
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
                        Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window");
    }
}

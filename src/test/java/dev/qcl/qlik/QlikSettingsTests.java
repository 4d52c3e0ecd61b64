package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QlikSettingsTests {
    @Test
    void should_apply_the_documented_defaults() {
        // when
        QlikSettings settings = QlikSettings.of(URI.create("https://acme.eu.qlikcloud.com/"), "key");

        // then
        assertThat(settings.basePath()).isEqualTo("/api/v1");
        assertThat(settings.writesPerMinute()).isEqualTo(100);
        assertThat(settings.readsPerMinute()).isEqualTo(1000);
        assertThat(settings.maxAttempts()).isEqualTo(6);
        assertThat(settings.maxThrottleWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxTimePerRow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.apiRoot()).hasToString("https://acme.eu.qlikcloud.com/api/v1");
    }

    @Test
    void should_mask_the_api_key_in_to_string() {
        QlikSettings settings = QlikSettings.of(URI.create("https://acme.eu.qlikcloud.com"), "very-secret-key");

        assertThat(settings.toString()).doesNotContain("very-secret-key").contains("apiKey=****");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:1", "http://[::1]:9000", "https://x.qlikcloud.com"})
    void should_accept_https_and_plain_http_on_loopback(String url) {
        assertThat(QlikSettings.of(URI.create(url), "key").tenantUrl()).hasToString(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.eu.qlikcloud.com", "ftp://localhost", "acme.eu.qlikcloud.com"})
    void should_reject_plain_http_to_remote_hosts_and_other_schemes(String url) {
        assertThatThrownBy(() -> QlikSettings.of(URI.create(url), "key")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void should_reject_a_blank_key_and_a_zero_rate() {
        URI tenant = URI.create("https://acme.eu.qlikcloud.com");
        assertThatThrownBy(() -> QlikSettings.of(tenant, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> QlikSettings.of(tenant, "key").withWritesPerMinute(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("writesPerMinute");
    }
}

package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
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

    /** The fixture's settings with one component replaced, through the record's canonical constructor. */
    private static QlikSettings with(String component, Object value) {
        QlikSettings base = TenantFixtures.settings(TENANT, "key");
        RecordComponent[] components = QlikSettings.class.getRecordComponents();
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getName().equals(component)
                        ? value
                        : components[i].getAccessor().invoke(base);
            }
            Constructor<QlikSettings> canonical = QlikSettings.class.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw (RuntimeException) e.getCause();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class Limits {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "connectTimeout",
                    "readTimeout",
                    "initialBackoff",
                    "maxBackoff",
                    "maxTimePerRow",
                    "maxThrottleWait",
                    "window"
                })
        void should_reject_a_missing_zero_or_negative_duration_naming_it(String component) {
            for (Duration wrong : new Duration[] {null, Duration.ZERO, Duration.ofMillis(-1)}) {
                assertThatThrownBy(() -> with(component, wrong))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith(component + " must be a positive duration");
            }
        }

        @ParameterizedTest
        @ValueSource(strings = {"connectTimeout", "readTimeout", "maxTimePerRow", "maxThrottleWait", "window"})
        void should_accept_a_duration_of_one_millisecond(String component) {
            assertThat(with(component, Duration.ofMillis(1)).toString())
                    .contains(component + "=" + Duration.ofMillis(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"writesPerMinute", "readsPerMinute", "maxAttempts", "maxListingPages"})
        void should_reject_a_count_below_one_naming_it_and_accept_one(String component) {
            assertThatThrownBy(() -> with(component, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage(component + " must be at least 1, got 0");
            assertThat(with(component, 1).toString()).contains(component + "=1");
        }

        @Test
        void should_accept_a_maximum_backoff_equal_to_the_initial_one_but_not_shorter() {
            assertThat(with("maxBackoff", Duration.ofSeconds(1)).maxBackoff()).isEqualTo(Duration.ofSeconds(1));
            assertThatThrownBy(() -> with("maxBackoff", Duration.ofMillis(999)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("maxBackoff must not be shorter than initialBackoff");
        }

        @Test
        void should_need_a_tenant_and_an_identity() {
            assertThatThrownBy(() -> with("tenantUrl", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("tenantUrl");
            assertThatThrownBy(() -> with("identity", null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("identity");
        }
    }

    @Nested
    class Tenant_and_base_path {
        @ParameterizedTest
        @ValueSource(strings = {"HTTPS://acme.eu.qlikcloud.com", "HTTP://LOCALHOST:8080", "http://[::1]:9000"})
        void should_accept_schemes_and_loopback_hosts_in_any_case(String url) {
            assertThat(with("tenantUrl", URI.create(url)).tenantUrl()).hasToString(url);
        }

        @ParameterizedTest
        @ValueSource(strings = {"https:///api/v1", "mailto:ops@acme.com", "http://10.0.0.1:8080"})
        void should_reject_a_tenant_without_a_host_or_with_another_scheme_or_plain_http_to_another_address(String url) {
            assertThatThrownBy(() -> with("tenantUrl", URI.create(url)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("tenantUrl must")
                    .hasMessageEndingWith(url);
        }

        @Test
        void should_say_https_is_required_for_plain_http_to_a_remote_host() {
            assertThatThrownBy(() -> with("tenantUrl", URI.create("http://acme.eu.qlikcloud.com")))
                    .hasMessage(
                            "tenantUrl must use https (http only for loopback hosts), got http://acme.eu.qlikcloud.com");
            assertThatThrownBy(() -> with("tenantUrl", URI.create("ftp://acme.eu.qlikcloud.com")))
                    .hasMessage("tenantUrl must be an absolute https URL, got ftp://acme.eu.qlikcloud.com");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  "})
        void should_default_a_blank_base_path(String basePath) {
            assertThat(with("basePath", basePath).basePath()).isEqualTo("/api/v1");
            assertThat(with("basePath", null).basePath()).isEqualTo("/api/v1");
        }

        @Test
        void should_give_the_base_path_one_leading_slash_and_no_trailing_one() {
            assertThat(with("basePath", " api/v2// ").basePath()).isEqualTo("/api/v2");
            assertThat(with("basePath", "/custom/").basePath()).isEqualTo("/custom");
        }

        @Test
        void should_resolve_the_api_root_under_the_base_path_whatever_the_trailing_slashes() {
            QlikSettings settings = with("tenantUrl", URI.create("https://acme.eu.qlikcloud.com//"));

            assertThat(settings.apiRoot()).hasToString("https://acme.eu.qlikcloud.com/api/v1");
        }
    }

    @Test
    void should_show_every_setting_but_the_secret_in_to_string() {
        assertThat(TenantFixtures.settings(TENANT, "key").toString())
                .isEqualTo("QlikSettings[tenantUrl=https://acme.eu.qlikcloud.com/, identity=ApiKey[****],"
                        + " basePath=/api/v1, connectTimeout=PT2S, readTimeout=PT5S, writesPerMinute=100,"
                        + " readsPerMinute=1000, maxAttempts=6, initialBackoff=PT1S, maxBackoff=PT1M,"
                        + " maxTimePerRow=PT10M, maxThrottleWait=PT5M, window=PT5M, maxListingPages=1000]");
    }
}

package dev.qcl.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tenant URL as people paste it. */
class TenantUrlTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://acme.eu.qlikcloud.com",
                "https://acme.eu.qlikcloud.com/",
                "https://acme.eu.qlikcloud.com/api/v1",
                "https://acme.eu.qlikcloud.com/api/v1/",
                " https://acme.eu.qlikcloud.com/api/v1// "
            })
    void should_keep_only_the_tenant_when_the_url_is_bare_or_ends_in_the_api_root(String pasted) {
        assertThat(TenantUrl.parse(pasted)).isEqualTo(URI.create("https://acme.eu.qlikcloud.com"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://acme.eu.qlikcloud.com/api",
                "https://acme.eu.qlikcloud.com/api/v1/data-connections",
                "https://acme.eu.qlikcloud.com/hub",
                "https://acme.eu.qlikcloud.com/?x=1"
            })
    void should_refuse_any_other_path_naming_the_expected_form(String pasted) {
        assertThatThrownBy(() -> TenantUrl.parse(pasted))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("has a path")
                .hasMessageContaining("https://acme.eu.qlikcloud.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.eu.qlikcloud.com", "ftp://acme.eu.qlikcloud.com"})
    void should_refuse_anything_but_https_off_loopback(String url) {
        assertThatThrownBy(() -> TenantUrl.parse(url))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("https://");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/api/v1", "http://localhost:8080", "https://127.0.0.1:8443/"})
    void should_accept_loopback_over_http_or_https(String url) {
        assertThat(TenantUrl.parse(url).getPath()).isEmpty();
    }
}

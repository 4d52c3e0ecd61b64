package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
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

    @Test
    void should_keep_the_port_when_the_tenant_is_reached_on_one() {
        assertThat(TenantUrl.parse("https://acme.eu.qlikcloud.com:8443/api/v1"))
                .isEqualTo(URI.create("https://acme.eu.qlikcloud.com:8443"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void should_ask_for_a_tenant_when_none_is_given(String missing) {
        assertThatThrownBy(() -> TenantUrl.parse(missing))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("no tenant: set QLIK_TENANT_URL");
    }

    @Test
    void should_refuse_text_that_is_not_a_url_when_it_cannot_be_parsed() {
        assertThatThrownBy(() -> TenantUrl.parse("https://acme eu.qlikcloud.com"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("is not a URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.eu.qlikcloud.com", "https:///api/v1"})
    void should_refuse_a_url_without_scheme_or_host_when_pasted_without_them(String pasted) {
        assertThatThrownBy(() -> TenantUrl.parse(pasted))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("has no scheme or host");
    }

    @Test
    void should_refuse_a_fragment_as_part_of_the_path_when_one_is_pasted() {
        assertThatThrownBy(() -> TenantUrl.parse("https://acme.eu.qlikcloud.com/#/hub"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("has a path");
        assertThatThrownBy(() -> TenantUrl.parse("https://acme.eu.qlikcloud.com#top"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("has a path");
    }

    @Test
    void should_show_the_loopback_form_when_a_local_tenant_has_a_path() {
        assertThatThrownBy(() -> TenantUrl.parse("http://localhost:8080/hub"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("like https://localhost:8080 ")
                .hasMessageNotContaining("qlikcloud.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[::1]:8080", "http://127.0.0.1"})
    void should_accept_plain_http_on_every_loopback_name(String url) {
        assertThat(TenantUrl.parse(url)).isEqualTo(URI.create(url));
    }

    @Test
    void should_refuse_plain_http_when_the_host_only_starts_like_loopback() {
        assertThatThrownBy(() -> TenantUrl.parse("http://localhost.example.com"))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("must use https://");
    }
}

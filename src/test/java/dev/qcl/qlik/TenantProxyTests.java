package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which proxy a tenant URL goes through, from the environment variables as curl reads them. */
class TenantProxyTests {
    private static final Map<String, String> NO_PROPERTIES = Map.of();

    private static List<Proxy> proxiesFor(Map<String, String> environment, String url) {
        return TenantProxy.select(environment::get, NO_PROPERTIES::get).select(URI.create(url));
    }

    @Nested
    class Variables {
        @Test
        void should_send_a_plain_http_tenant_through_http_proxy_and_an_https_one_through_https_proxy() {
            Map<String, String> environment =
                    Map.of("HTTPS_PROXY", "http://secure.corp:3128", "HTTP_PROXY", "http://plain.corp:8080");

            assertThat(proxiesFor(environment, "http://127.0.0.1:8080"))
                    .singleElement()
                    .hasToString("HTTP @ plain.corp/<unresolved>:8080");
            assertThat(proxiesFor(environment, "HTTPS://acme.eu.qlikcloud.com"))
                    .singleElement()
                    .hasToString("HTTP @ secure.corp/<unresolved>:3128");
        }

        @Test
        void should_prefer_the_upper_case_variable_and_fall_back_to_lower_case_when_it_is_blank() {
            assertThat(proxiesFor(
                            Map.of("HTTPS_PROXY", "upper.corp:1", "https_proxy", "lower.corp:2"), "https://x.example"))
                    .singleElement()
                    .hasToString("HTTP @ upper.corp/<unresolved>:1");
            assertThat(proxiesFor(Map.of("HTTPS_PROXY", " ", "https_proxy", "lower.corp:2"), "https://x.example"))
                    .singleElement()
                    .hasToString("HTTP @ lower.corp/<unresolved>:2");
        }

        @ParameterizedTest
        @CsvSource({
            "proxy.corp, 80",
            "http://proxy.corp, 80",
            "https://proxy.corp, 443",
            "HTTPS://proxy.corp/, 443",
            "' http://proxy.corp:3128 ', 3128"
        })
        void should_default_the_proxy_port_by_its_scheme(String proxy, int port) {
            assertThat(proxiesFor(Map.of("HTTPS_PROXY", proxy), "https://x.example"))
                    .singleElement()
                    .hasToString("HTTP @ proxy.corp/<unresolved>:" + port);
        }

        @Test
        void should_take_a_proxy_port_of_zero_as_none_given() {
            assertThat(proxiesFor(Map.of("HTTPS_PROXY", "http://proxy.corp:0"), "https://x.example"))
                    .singleElement()
                    .hasToString("HTTP @ proxy.corp/<unresolved>:80");
        }

        @Test
        void should_refuse_a_proxy_without_a_host_and_say_how_to_write_it() {
            assertThatThrownBy(() -> proxiesFor(Map.of("HTTPS_PROXY", "http://:3128"), "https://x.example"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the proxy 'http://:3128' has no host; write it like http://proxy.corp:3128");
        }

        @Test
        void should_leave_the_choice_to_the_jvm_when_only_its_http_proxy_property_is_set() {
            ProxySelector selector = TenantProxy.select(
                    Map.of("HTTPS_PROXY", "http://env.corp:1")::get, Map.of("http.proxyHost", "jvm.corp")::get);

            assertThat(selector).isSameAs(ProxySelector.getDefault());
        }

        @Test
        void should_not_take_blank_jvm_properties_as_set() {
            ProxySelector selector = TenantProxy.select(
                    Map.of("HTTPS_PROXY", "http://env.corp:1")::get,
                    Map.of("https.proxyHost", " ", "http.proxyHost", "")::get);

            assertThat(selector.select(URI.create("https://x.example")))
                    .singleElement()
                    .hasToString("HTTP @ env.corp/<unresolved>:1");
        }
    }

    @Nested
    class No_proxy {
        private List<Proxy> through(String noProxy, String url) {
            return proxiesFor(Map.of("HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", noProxy), url);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "https://anything.example",
                    "https://acme.eu.qlikcloud.com",
                })
        void should_go_direct_everywhere_for_a_star(String url) {
            assertThat(through("*", url)).containsExactly(Proxy.NO_PROXY);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "*.corp.example        | https://db.corp.example",
                    "CORP.example          | https://DB.corp.example",
                    "corp.example:8443     | https://corp.example:8443",
                    "[::1]                 | https://[::1]:8443",
                    "' , ,10.0.0.7'        | https://10.0.0.7:8443"
                })
        void should_go_direct_for_a_listed_host_domain_or_address(String noProxy, String url) {
            assertThat(through(noProxy, url)).containsExactly(Proxy.NO_PROXY);
        }

        @Test
        void should_not_let_empty_entries_bypass_a_host_written_with_its_final_dot() {
            assertThat(through(" , ,10.0.0.7", "https://acme.example./api"))
                    .singleElement()
                    .isNotEqualTo(Proxy.NO_PROXY);
        }

        @Test
        void should_use_the_proxy_for_an_address_without_a_host() {
            assertThat(through("*", "https:///api")).singleElement().isNotEqualTo(Proxy.NO_PROXY);
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "ample.com             | https://example.com",
                    "corp.example          | https://corp.example.org",
                    "10.0.0.7              | https://10.0.0.70"
                })
        void should_use_the_proxy_for_a_host_that_only_looks_like_a_listed_one(String noProxy, String url) {
            assertThat(through(noProxy, url)).singleElement().isNotEqualTo(Proxy.NO_PROXY);
        }
    }
}

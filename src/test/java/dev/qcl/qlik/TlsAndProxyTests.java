package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qcl.qlik.failure.TenantTlsException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS failures stop at once, naming the host; a proxy from the JVM's properties or the environment is used. */
class TlsAndProxyTests {
    static final String DATA_SOURCES = "{\"dataSources\":[]}";

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();

    private QlikClient client(String tenantUrl) {
        return new QlikClient(
                OAuthClientTests.settings(tenantUrl, new Identity.ApiKey(TenantFixtures.API_KEY)),
                stats,
                time,
                time,
                () -> 0.5);
    }

    /** A PKCS12 key store with one self-signed certificate for {@code san} (keytool's -ext SAN syntax). */
    static Path keyStore(Path dir, String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process keytool = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "keytool")
                                .toString(),
                        "-genkeypair",
                        "-alias",
                        name,
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=" + name,
                        "-ext",
                        "SAN=" + san,
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue())
                .as(new String(keytool.getInputStream().readAllBytes()))
                .isZero();
        return store;
    }

    static WireMockServer httpsTenant(Path keyStore) {
        WireMockServer server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keyStore.toString())
                .keystorePassword("changeit")
                .keyManagerPassword("changeit")
                .keystoreType("PKCS12"));
        server.start();
        server.stubFor(get("/api/v1/data-sources").willReturn(okJson(DATA_SOURCES)));
        return server;
    }

    /** Builds the client while the JVM trusts {@code keyStore}'s certificate (the JDK client reads the default context then). */
    private QlikClient clientTrusting(Path keyStore, String tenantUrl) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            trusted.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLContext before = SSLContext.getDefault();
        SSLContext.setDefault(context);
        try {
            return client(tenantUrl);
        } finally {
            SSLContext.setDefault(before);
        }
    }

    @Nested
    class Tls {
        @Test
        void should_stop_at_once_naming_the_host_when_the_certificate_is_not_trusted(@TempDir Path dir)
                throws Exception {
            WireMockServer server = httpsTenant(keyStore(dir, "localhost", "dns:localhost,ip:127.0.0.1"));
            try (QlikClient qlik = client("https://localhost:" + server.httpsPort())) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(TenantTlsException.class)
                        .hasMessageContaining("TLS handshake with localhost failed")
                        .hasMessageContaining("not trusted");
            } finally {
                server.stop();
            }
            assertThat(stats.requests()).isEqualTo(1);
            assertThat(stats.retries()).isZero();
        }

        @Test
        void should_stop_at_once_when_the_certificate_names_another_host(@TempDir Path dir) throws Exception {
            Path store = keyStore(dir, "other", "dns:other.example");
            WireMockServer server = httpsTenant(store);
            try (QlikClient qlik = clientTrusting(store, "https://127.0.0.1:" + server.httpsPort())) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(TenantTlsException.class)
                        .hasMessageContaining("TLS handshake with 127.0.0.1 failed")
                        .hasMessageContaining("does not match the host name 127.0.0.1");
            } finally {
                server.stop();
            }
            assertThat(stats.retries()).isZero();
        }

        @Test
        void should_stop_at_once_when_the_certificate_names_another_dns_name(@TempDir Path dir) throws Exception {
            Path store = keyStore(dir, "other", "dns:other.example");
            WireMockServer server = httpsTenant(store);
            try (QlikClient qlik = clientTrusting(store, "https://localhost:" + server.httpsPort())) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(TenantTlsException.class)
                        .hasMessageContaining("TLS handshake with localhost failed")
                        .hasMessageContaining("does not match the host name localhost");
            } finally {
                server.stop();
            }
            assertThat(stats.retries()).isZero();
        }

        @Test
        void should_stop_at_once_when_the_server_does_not_speak_tls(@TempDir Path dir) {
            WireMockServer plain =
                    new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            plain.start();
            try (QlikClient qlik = client("https://127.0.0.1:" + plain.port())) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(TenantTlsException.class)
                        .hasMessageContaining("TLS handshake with 127.0.0.1 failed");
            } finally {
                plain.stop();
            }
            assertThat(stats.retries()).isZero();
        }

        @Test
        void should_talk_https_to_a_loopback_tenant_with_a_trusted_certificate(@TempDir Path dir) throws Exception {
            Path store = keyStore(dir, "localhost", "dns:localhost,ip:127.0.0.1");
            WireMockServer server = httpsTenant(store);
            try (QlikClient qlik = clientTrusting(store, "https://127.0.0.1:" + server.httpsPort())) {
                assertThat(qlik.dataSources().dataSources()).isEmpty();
            } finally {
                server.stop();
            }
        }
    }

    @Nested
    class Proxy_settings {
        static final Map<String, String> NO_PROPERTIES = Map.of();

        private List<Proxy> proxiesFor(Map<String, String> environment, String url) {
            return TenantProxy.select(environment::get, NO_PROPERTIES::get).select(URI.create(url));
        }

        @Test
        void should_use_https_proxy_from_the_environment_for_an_https_tenant() {
            List<Proxy> proxies =
                    proxiesFor(Map.of("HTTPS_PROXY", "http://proxy.corp:3128"), "https://acme.eu.qlikcloud.com/api/v1");

            assertThat(proxies).singleElement().hasToString("HTTP @ proxy.corp/<unresolved>:3128");
        }

        @Test
        void should_read_lower_case_variables_and_a_proxy_without_scheme() {
            List<Proxy> proxies = proxiesFor(Map.of("https_proxy", "proxy.corp:8080"), "https://acme.eu.qlikcloud.com");

            assertThat(proxies).singleElement().hasToString("HTTP @ proxy.corp/<unresolved>:8080");
        }

        @Test
        void should_go_direct_for_hosts_and_domains_listed_in_no_proxy() {
            Map<String, String> environment = Map.of(
                    "HTTPS_PROXY", "http://proxy.corp:3128", "NO_PROXY", "localhost, .internal.example,qlikcloud.com");

            assertThat(proxiesFor(environment, "https://acme.eu.qlikcloud.com")).containsExactly(Proxy.NO_PROXY);
            assertThat(proxiesFor(environment, "https://db.internal.example")).containsExactly(Proxy.NO_PROXY);
            assertThat(proxiesFor(environment, "https://localhost:8443")).containsExactly(Proxy.NO_PROXY);
            assertThat(proxiesFor(environment, "https://acme.us.qlik.example")).doesNotContain(Proxy.NO_PROXY);
        }

        @Test
        void should_go_direct_without_any_proxy_setting() {
            assertThat(proxiesFor(Map.of(), "https://acme.eu.qlikcloud.com")).containsExactly(Proxy.NO_PROXY);
        }

        @Test
        void should_leave_the_choice_to_the_jvm_when_its_proxy_properties_are_set() {
            ProxySelector selector = TenantProxy.select(
                    Map.of("HTTPS_PROXY", "http://env.corp:1")::get, Map.of("https.proxyHost", "jvm.corp")::get);

            assertThat(selector).isSameAs(ProxySelector.getDefault());
        }

        @Test
        void should_send_every_call_through_the_proxy_that_the_jvm_properties_name() {
            // given: a tenant, and a forwarding proxy in front of it, both on loopback
            WireMockServer tenant =
                    new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
            WireMockServer proxy = new WireMockServer(
                    wireMockConfig().bindAddress("127.0.0.1").dynamicPort().enableBrowserProxying(true));
            tenant.start();
            proxy.start();
            tenant.stubFor(get("/api/v1/data-sources").willReturn(okJson(DATA_SOURCES)));
            Map<String, String> saved = Map.of();
            try {
                System.setProperty("http.proxyHost", "127.0.0.1");
                System.setProperty("http.proxyPort", Integer.toString(proxy.port()));
                // the JVM goes direct to loopback unless told otherwise
                System.setProperty("http.nonProxyHosts", "");

                // when
                try (QlikClient qlik = client("http://127.0.0.1:" + tenant.port())) {
                    assertThat(qlik.dataSources().dataSources()).isEmpty();
                }

                // then
                assertThat(proxy.getAllServeEvents())
                        .extracting(e -> e.getRequest().getAbsoluteUrl())
                        .containsExactly("http://127.0.0.1:" + tenant.port() + "/api/v1/data-sources");
                assertThat(tenant.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
                        .extracting(LoggedRequest::getUrl)
                        .containsExactly("/api/v1/data-sources");
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
                System.clearProperty("http.nonProxyHosts");
                proxy.stop();
                tenant.stop();
            }
        }
    }
}

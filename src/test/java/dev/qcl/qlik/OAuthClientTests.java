package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Contract section 3: an OAuth machine-to-machine client's tokens are fetched, renewed and replaced once after a 401. */
class OAuthClientTests {
    static final String CLIENT_ID = "qcl-nightly-bot";
    static final String CLIENT_SECRET = "m2m-secret-Vx93kQ";

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();

    static QlikSettings settings(String tenantUrl, Identity identity) {
        QlikSettings base = TenantFixtures.settings(1);
        return new QlikSettings(
                URI.create(tenantUrl),
                identity,
                base.basePath(),
                base.connectTimeout(),
                base.readTimeout(),
                base.writesPerMinute(),
                base.readsPerMinute(),
                base.maxAttempts(),
                base.initialBackoff(),
                base.maxBackoff(),
                base.maxTimePerRow(),
                base.maxThrottleWait(),
                base.window());
    }

    static Identity.OAuthClient client(String secret, List<String> scopes) {
        return new Identity.OAuthClient(CLIENT_ID, secret, scopes, Duration.ofSeconds(60));
    }

    @Nested
    class Against_the_sandbox {
        @Test
        void should_renew_the_token_before_it_expires_when_the_calls_outlast_its_lifetime() {
            // given: tokens that live 2 s, and 40 calls 250 ms apart on the same (fake) clock
            try (SandboxTenant sandbox = SandboxTenant.start(SandboxSettings.defaults(), time)) {
                sandbox.oauth().register(CLIENT_ID, CLIENT_SECRET).tokenLifetime(Duration.ofSeconds(2));
                try (QlikClient qlik =
                        new QlikClient(settings(sandbox.url(), client(CLIENT_SECRET, List.of())), stats, time, time)) {
                    // when
                    for (int call = 0; call < 40; call++) {
                        assertThat(qlik.dataSources().dataSources()).isNotEmpty();
                        time.advance(Duration.ofMillis(250));
                    }
                }

                // then: 10 s of calls took a new token every second (renewed at half its life), none refused as expired
                assertThat(sandbox.oauth().expiredTokensRefused()).isZero();
                assertThat(sandbox.oauth().tokensIssued()).isBetween(9L, 11L);
            }
        }

        @Test
        void should_stop_with_a_401_that_names_the_client_when_the_secret_is_wrong() {
            try (SandboxTenant sandbox = SandboxTenant.start(SandboxSettings.defaults(), time)) {
                sandbox.oauth().register(CLIENT_ID, CLIENT_SECRET);
                try (QlikClient qlik = new QlikClient(
                        settings(sandbox.url(), client("not-the-secret-1", List.of())), stats, time, time)) {
                    assertThatThrownBy(qlik::dataSources)
                            .isInstanceOf(UnauthorizedException.class)
                            .hasMessageContaining("OAuth client '" + CLIENT_ID + "'")
                            .hasMessageContaining("invalid_client")
                            .hasMessageNotContaining("not-the-secret-1");
                }
                assertThat(sandbox.oauth().tokensIssued()).isZero();
            }
        }
    }

    @Nested
    class Against_a_scripted_tenant {
        @RegisterExtension
        static final WireMockExtension tenant = WireMockExtension.newInstance()
                .options(wireMockConfig().dynamicPort())
                .build();

        private QlikClient qlik(List<String> scopes) {
            return new QlikClient(
                    settings(tenant.baseUrl(), client(CLIENT_SECRET, scopes)), stats, time, time, () -> 0.5);
        }

        private void issueTokens(String... tokens) {
            String state = Scenario.STARTED;
            for (int i = 0; i < tokens.length; i++) {
                String next = "token-" + (i + 1);
                tenant.stubFor(post("/oauth/token")
                        .inScenario("tokens")
                        .whenScenarioStateIs(state)
                        .willReturn(okJson("{\"access_token\":\"" + tokens[i]
                                + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}"))
                        .willSetStateTo(next));
                state = next;
            }
        }

        @Test
        void should_post_the_client_credentials_grant_as_json_with_the_scopes() {
            // given
            issueTokens("at-1");
            tenant.stubFor(get("/api/v1/data-sources").willReturn(okJson("{\"dataSources\":[]}")));

            // when
            try (QlikClient qlik = qlik(List.of("user_default", "admin_classic"))) {
                qlik.dataSources();
                qlik.dataSources();
            }

            // then: one token for both calls, sent as the bearer token
            tenant.verify(
                    exactly(1),
                    postRequestedFor(urlPathEqualTo("/oauth/token"))
                            .withHeader("Content-Type", equalTo("application/json"))
                            .withRequestBody(equalToJson("""
                            {"client_id":"qcl-nightly-bot","client_secret":"m2m-secret-Vx93kQ",
                             "grant_type":"client_credentials","scope":"user_default admin_classic"}""")));
            tenant.verify(
                    exactly(2),
                    getRequestedFor(urlPathEqualTo("/api/v1/data-sources"))
                            .withHeader("Authorization", equalTo("Bearer at-1")));
        }

        @Test
        void should_send_again_with_a_new_token_once_after_a_401() {
            // given: the first token is refused (revoked), the second accepted
            issueTokens("at-revoked", "at-fresh");
            tenant.stubFor(get("/api/v1/data-sources")
                    .withHeader("Authorization", equalTo("Bearer at-revoked"))
                    .willReturn(aResponse().withStatus(401)));
            tenant.stubFor(get("/api/v1/data-sources")
                    .withHeader("Authorization", equalTo("Bearer at-fresh"))
                    .willReturn(okJson("{\"dataSources\":[]}")));

            // when
            try (QlikClient qlik = qlik(List.of())) {
                assertThat(qlik.dataSources().dataSources()).isEmpty();
            }

            // then
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo("/oauth/token")));
        }

        @Test
        void should_stop_naming_the_client_when_the_new_token_is_refused_too() {
            // given
            issueTokens("at-one", "at-two", "at-three");
            tenant.stubFor(
                    get("/api/v1/data-sources")
                            .willReturn(
                                    aResponse()
                                            .withStatus(401)
                                            .withBody(
                                                    "{\"errors\":[{\"title\":\"Unauthorized\",\"detail\":\"token at-two is not allowed\"}]}")));

            // when / then: two tokens, two requests, then the run stops; the echoed token is masked
            try (QlikClient qlik = qlik(List.of())) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(UnauthorizedException.class)
                        .hasMessageContaining("OAuth client '" + CLIENT_ID + "'")
                        .hasMessageContaining("token **** is not allowed")
                        .hasMessageNotContaining("at-two");
            }
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo("/oauth/token")));
            tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v1/data-sources")));
        }

        @Test
        void should_retry_the_token_request_when_the_token_endpoint_is_unavailable() {
            // given
            tenant.stubFor(post("/oauth/token")
                    .inScenario("flaky")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("up"));
            tenant.stubFor(post("/oauth/token")
                    .inScenario("flaky")
                    .whenScenarioStateIs("up")
                    .willReturn(okJson("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":3600}")));
            tenant.stubFor(get("/api/v1/data-sources").willReturn(okJson("{\"dataSources\":[]}")));

            // when
            try (QlikClient qlik = qlik(List.of())) {
                qlik.dataSources();
            }

            // then
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo("/oauth/token")));
            assertThat(stats.retries()).isEqualTo(1);
        }
    }
}

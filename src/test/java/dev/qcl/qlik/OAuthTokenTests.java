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
import static dev.qcl.qlik.OAuthClientTests.CLIENT_ID;
import static dev.qcl.qlik.OAuthClientTests.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** An OAuth client's tokens in detail: when each is renewed, what a refusal says, what stays masked. */
class OAuthTokenTests {
    private static final String TOKEN = "/oauth/token";
    private static final String DATA_SOURCES = "/api/v1/data-sources";

    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();

    private QlikClient qlik(List<String> scopes, Duration renewBefore) {
        Identity.OAuthClient client = new Identity.OAuthClient(CLIENT_ID, CLIENT_SECRET, scopes, renewBefore);
        return new QlikClient(OAuthClientTests.settings(tenant.baseUrl(), client), stats, time, time, () -> 0.5);
    }

    private QlikClient qlik() {
        return qlik(List.of(), Duration.ofSeconds(60));
    }

    /** Tokens at-1, at-2, ... one per request to the token endpoint, each with the given {@code expires_in}. */
    private void issueTokens(int count, String expiresIn) {
        String state = Scenario.STARTED;
        for (int i = 1; i <= count; i++) {
            String next = "issued-" + i;
            tenant.stubFor(post(TOKEN)
                    .inScenario("tokens")
                    .whenScenarioStateIs(state)
                    .willReturn(okJson("{\"access_token\":\"at-" + i + "\",\"token_type\":\"Bearer\""
                            + (expiresIn == null ? "" : ",\"expires_in\":" + expiresIn) + "}"))
                    .willSetStateTo(next));
            state = next;
        }
    }

    private void dataSourcesAnswered() {
        tenant.stubFor(get(DATA_SOURCES).willReturn(okJson("{\"dataSources\":[]}")));
    }

    @Nested
    class Renewal {
        @Test
        void should_renew_a_token_its_renew_before_ahead_of_its_expiry() {
            // given: tokens that live 300 s, renewed 60 s before
            issueTokens(2, "300");
            dataSourcesAnswered();

            try (QlikClient qlik = qlik()) {
                // when
                qlik.dataSources();
                time.advance(Duration.ofMillis(239_999));
                qlik.dataSources();
                time.advance(Duration.ofMillis(1));
                qlik.dataSources();
            }

            // then
            tenant.verify(
                    exactly(2),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-1")));
            tenant.verify(
                    exactly(1),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-2")));
        }

        @Test
        void should_renew_a_short_lived_token_at_half_its_lifetime() {
            // given: tokens that live 100 s; 60 s before is more than half
            issueTokens(2, "100");
            dataSourcesAnswered();

            try (QlikClient qlik = qlik()) {
                // when
                qlik.dataSources();
                time.advance(Duration.ofMillis(49_999));
                qlik.dataSources();
                time.advance(Duration.ofMillis(1));
                qlik.dataSources();
            }

            // then
            tenant.verify(
                    exactly(2),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-1")));
            tenant.verify(
                    exactly(2),
                    postRequestedFor(urlPathEqualTo(TOKEN))
                            .withRequestBody(equalToJson("{\"client_id\":\"" + CLIENT_ID + "\",\"client_secret\":\""
                                    + CLIENT_SECRET + "\",\"grant_type\":\"client_credentials\"}")));
        }

        @Test
        void should_take_an_hour_for_a_token_without_expires_in() {
            // given
            issueTokens(2, null);
            dataSourcesAnswered();

            try (QlikClient qlik = qlik()) {
                // when: renewed 60 s before the hour
                qlik.dataSources();
                time.advance(Duration.ofSeconds(3539));
                qlik.dataSources();
                time.advance(Duration.ofSeconds(1));
                qlik.dataSources();
            }

            // then
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN)));
            tenant.verify(
                    exactly(1),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-2")));
        }

        @Test
        void should_take_at_least_a_second_for_a_token_that_says_it_expires_at_once() {
            // given
            issueTokens(2, "0");
            dataSourcesAnswered();

            try (QlikClient qlik = qlik()) {
                // when: a second's token is renewed at half of it
                qlik.dataSources();
                time.advance(Duration.ofMillis(499));
                qlik.dataSources();
                time.advance(Duration.ofMillis(1));
                qlik.dataSources();
            }

            // then
            tenant.verify(
                    exactly(2),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-1")));
            tenant.verify(
                    exactly(1),
                    getRequestedFor(urlPathEqualTo(DATA_SOURCES)).withHeader("Authorization", equalTo("Bearer at-2")));
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"} | invalid_client - bad secret",
                    "{\"error\":\"invalid_scope\"}                                     | invalid_scope",
                    "{\"errors\":[{\"title\":\"Forbidden\",\"detail\":\"client disabled\"}]} | Forbidden - client disabled",
                    "<html>denied</html>                                              | no error details from the tenant"
                })
        void should_stop_with_what_the_token_endpoint_says_about_the_refusal(String body, String reason) {
            // given
            tenant.stubFor(post(TOKEN).willReturn(aResponse().withStatus(400).withBody(body)));

            // when / then
            try (QlikClient qlik = qlik()) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(UnauthorizedException.class)
                        .hasMessage("The tenant refused an access token to OAuth client '" + CLIENT_ID
                                + "' (HTTP 400 from /oauth/token): " + reason
                                + "; check the client ID, QLIK_CLIENT_SECRET and qcl.oauth.scopes");
            }
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(TOKEN)));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "{\"token_type\":\"Bearer\"}     | the answer holds no access_token",
                    "{\"access_token\":\" \"}        | the answer holds no access_token",
                    "null                           | the answer holds no access_token",
                    "not a token                    | the answer is not a token"
                })
        void should_stop_when_a_200_from_the_token_endpoint_holds_no_token(String body, String reason) {
            // given
            tenant.stubFor(post(TOKEN).willReturn(aResponse().withStatus(200).withBody(body)));

            // when / then
            try (QlikClient qlik = qlik()) {
                assertThatThrownBy(qlik::dataSources)
                        .isInstanceOf(UnauthorizedException.class)
                        .hasMessageContaining("(HTTP 200 from /oauth/token): " + reason + ";");
            }
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 504})
        void should_retry_the_token_request_on_a_gateway_status(int status) {
            // given
            tenant.stubFor(post(TOKEN)
                    .inScenario("gateway")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(status))
                    .willSetStateTo("up"));
            tenant.stubFor(post(TOKEN)
                    .inScenario("gateway")
                    .whenScenarioStateIs("up")
                    .willReturn(okJson("{\"access_token\":\"at-1\",\"expires_in\":3600}")));
            dataSourcesAnswered();

            // when
            try (QlikClient qlik = qlik()) {
                qlik.dataSources();
            }

            // then
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo(TOKEN)));
            assertThat(stats.retries()).isEqualTo(1);
        }
    }
}

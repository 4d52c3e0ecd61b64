package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.qcl.qlik.TenantFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.failure.RejectedException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 8 item 11: a 2xx create is never called anything before the connection is known; echoes are masked. */
class QlikClientCreateAnswerTests {
    private static final String CONNECTIONS = "/api/v1/data-connections";
    private static final String LOOKUP = CONNECTIONS + "/sales-s3";
    private static final String ODD_SECRET = "s3cr\"t/ä+x";

    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = new FakeTime();
    private QlikClient client;

    @BeforeEach
    void createClient() {
        client = new QlikClient(TenantFixtures.settings(tenant.getPort()), new HttpStats(), time, time, () -> 0.5);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private static CreateRequest request(String secret) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("bucketName", "b");
        properties.put("secretKey", secret);
        return new CreateRequest("File_AmazonS3ConnectorV2", "sales-s3", "sp1", properties, List.of(), List.of(secret));
    }

    @ParameterizedTest(name = "body: [{0}]")
    @ValueSource(strings = {"", "<html>Created</html>", "{\"qName\":\"sales-s3\"}"})
    void should_look_the_name_up_when_a_201_has_no_readable_id_and_record_it_created(String body) {
        // given
        tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withStatus(201).withBody(body)));
        tenant.stubFor(
                get(urlPathEqualTo(LOOKUP)).willReturn(okJson(TenantFixtures.connection("c-9", "sales-s3", "sp1"))));

        // when
        CreateOutcome outcome = client.create(request(SECRET));

        // then
        assertThat(outcome).isEqualTo(new CreateOutcome("c-9", 201, 1, false, true));
        assertThat(outcome.message()).contains("no readable body").contains("found on look-up");
        tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
    }

    @Test
    void should_look_again_before_sending_again_when_the_name_is_not_found_yet() {
        // given: an empty 201, a look-up that misses once, then finds it
        tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withStatus(201)));
        tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                .inScenario("lag")
                .whenScenarioStateIs(STARTED)
                .willReturn(notFound())
                .willSetStateTo("visible"));
        tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                .inScenario("lag")
                .whenScenarioStateIs("visible")
                .willReturn(okJson(TenantFixtures.connection("c-7", "sales-s3", "sp1"))));

        // when
        CreateOutcome outcome = client.create(request(SECRET));

        // then: one POST only, the connection found by the second attempt's look-up
        assertThat(outcome.connectionId()).isEqualTo("c-7");
        assertThat(outcome.attempts()).isEqualTo(2);
        tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo(LOOKUP)));
    }

    @Test
    void should_mask_a_secret_that_the_tenant_echoes_json_escaped_or_url_encoded() {
        // given: an error detail that quotes the request body (JSON-escaped) and a URL with the secret
        String jsonEscaped = "s3cr\\\\\\\"t/ä+x";
        String urlEncoded = URLEncoder.encode(ODD_SECRET, StandardCharsets.UTF_8);
        tenant.stubFor(post(CONNECTIONS)
                .willReturn(aResponse()
                        .withStatus(400)
                        .withBody(TenantFixtures.errors(
                                400,
                                "Bad request",
                                "body {\\\"secretKey\\\":\\\"" + jsonEscaped + "\\\"} from /cb?s=" + urlEncoded))));

        // when / then
        assertThatThrownBy(() -> client.create(request(ODD_SECRET)))
                .isInstanceOf(RejectedException.class)
                .hasMessageContaining("{\"secretKey\":\"****\"} from /cb?s=****")
                .hasMessageNotContaining("s3cr")
                .hasMessageNotContaining(urlEncoded);
    }
}

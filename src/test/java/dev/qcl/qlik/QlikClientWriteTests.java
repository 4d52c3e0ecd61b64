package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.qcl.qlik.TenantFixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.qlik.failure.TenantUnreachableException;
import dev.qcl.qlik.failure.ThrottleWaitTooLongException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QlikClientWriteTests {
    private static final String CONNECTIONS = "/api/v1/data-connections";
    private static final String LOOKUP = CONNECTIONS + "/sales-s3";

    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();
    private QlikClient client;

    @BeforeEach
    void createClient() {
        client = clientWith(TenantFixtures.settings(tenant.getPort()));
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private QlikClient clientWith(QlikSettings settings) {
        return new QlikClient(settings, stats, time, time, () -> 0.5);
    }

    private static CreateRequest request(String spaceId) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("bucketName", "b");
        properties.put("region", "us-east-1");
        properties.put("secretKey", SECRET);
        return new CreateRequest(
                "File_AmazonS3ConnectorV2", "sales-s3", spaceId, properties, List.of("migrated"), List.of(SECRET));
    }

    private static ResponseDefinitionBuilder created(String id) {
        return aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody(TenantFixtures.connection(id, "sales-s3", "sp1"));
    }

    @Nested
    class Create {
        @Test
        void should_post_the_tutorial_body_and_return_the_new_id_on_201() {
            // given
            tenant.stubFor(post(CONNECTIONS).willReturn(created("c-1")));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then
            assertThat(outcome).isEqualTo(new CreateOutcome("c-1", 201, 1, false));
            tenant.verify(
                    exactly(1),
                    postRequestedFor(urlPathEqualTo(CONNECTIONS))
                            .withHeader("Content-Type", equalTo("application/json"))
                            .withRequestBody(equalToJson("""
                            {"dataSourceId":"File_AmazonS3ConnectorV2","qName":"sales-s3","space":"sp1",
                             "connectionProperties":{"bucketName":"b","region":"us-east-1","secretKey":"%s"},
                             "tags":["migrated"]}""".formatted(SECRET))));
        }

        @Test
        void should_leave_space_out_for_the_personal_space() {
            // given
            tenant.stubFor(post(CONNECTIONS).willReturn(created("c-2")));

            // when
            client.create(request(null));

            // then
            tenant.verify(
                    postRequestedFor(urlPathEqualTo(CONNECTIONS)).withRequestBody(equalToJson("""
                    {"dataSourceId":"File_AmazonS3ConnectorV2","qName":"sales-s3",
                     "connectionProperties":{"bucketName":"b","region":"us-east-1","secretKey":"%s"},
                     "tags":["migrated"]}""".formatted(SECRET))));
        }

        @Test
        void should_send_no_tags_key_when_the_row_has_no_tags() {
            // given: Qlik's published create examples carry no "tags": [] either
            tenant.stubFor(post(CONNECTIONS).willReturn(created("c-3")));

            // when
            client.create(new CreateRequest("rest", "crm", "sp1", Map.of("url", "https://x"), List.of(), List.of()));

            // then: the body is exactly this, without a tags key
            tenant.verify(
                    exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)).withRequestBody(equalToJson("""
                    {"dataSourceId":"rest","qName":"crm","space":"sp1","connectionProperties":{"url":"https://x"}}""")));
        }

        @Test
        void should_serve_many_threads_with_one_post_per_row() throws Exception {
            // given
            tenant.stubFor(post(CONNECTIONS).willReturn(created("c-n")));
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);

            // when
            List<java.util.concurrent.Future<CreateOutcome>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                outcomes.add(threads.submit(() -> client.create(request("sp1"))));
            }
            for (var outcome : outcomes) {
                assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)
                                .attempts())
                        .isEqualTo(1);
            }
            threads.shutdown();

            // then: 12 rows, 12 POSTs, at once: a fresh 5-minute window takes 500
            tenant.verify(exactly(12), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
            assertThat(stats.requests()).isEqualTo(12);
            assertThat(time.waits()).isEmpty();
        }

        @Test
        void should_mask_property_values_in_the_request_to_string() {
            assertThat(request("sp1").toString())
                    .doesNotContain(SECRET)
                    .doesNotContain("us-east-1")
                    .contains("secretKey");
        }
    }

    @Nested
    class Rejections {
        @ParameterizedTest
        @ValueSource(ints = {400, 403, 404, 409})
        void should_fail_the_row_with_the_tenants_title_and_detail_without_retrying(int status) {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .willReturn(aResponse()
                            .withStatus(status)
                            .withBody(TenantFixtures.errors(status, "Bad or invalid request", "qName is taken"))));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1")))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("'sales-s3'")
                    .hasMessageContaining("HTTP " + status)
                    .hasMessageContaining("Bad or invalid request - qName is taken")
                    .satisfies(e -> {
                        RejectedException rejected = (RejectedException) e;
                        assertThat(rejected.httpStatus()).isEqualTo(status);
                        assertThat(rejected.attempts()).isEqualTo(1);
                    });
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
            assertThat(stats.retries()).isZero();
        }

        @Test
        void should_stop_the_run_on_401() {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withBody(TenantFixtures.errors(401, "Unauthorized", "Token expired"))));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1")))
                    .isInstanceOf(UnauthorizedException.class)
                    .isInstanceOf(RunStoppingException.class)
                    .hasMessageContaining("Unauthorized - Token expired");
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_never_put_secrets_or_the_api_key_into_exception_messages() {
            // given: the tenant echoes the secret and the key back
            tenant.stubFor(post(CONNECTIONS)
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withBody(TenantFixtures.errors(
                                    400,
                                    "Bad request",
                                    "secretKey " + SECRET + " rejected for " + TenantFixtures.API_KEY))));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1")))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("secretKey **** rejected for ****")
                    .hasMessageNotContaining(SECRET)
                    .hasMessageNotContaining(TenantFixtures.API_KEY);
        }
    }

    @Nested
    class Transient_failures {
        @Test
        void should_retry_503_twice_then_succeed_with_backoff_through_the_sleeper() {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("busy")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("still busy"));
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("busy")
                    .whenScenarioStateIs("still busy")
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("ready"));
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("busy")
                    .whenScenarioStateIs("ready")
                    .willReturn(created("c-3")));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then: full jitter at 0.5 of 1 s and 2 s
            assertThat(outcome).isEqualTo(new CreateOutcome("c-3", 201, 3, false));
            assertThat(stats.retries()).isEqualTo(2);
            assertThat(stats.requests()).isEqualTo(3);
            assertThat(time.waits()).contains(Duration.ofMillis(500), Duration.ofMillis(1000));
        }

        @Test
        void should_fail_the_row_with_503_when_the_retry_budget_is_spent() {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .willReturn(aResponse()
                            .withStatus(503)
                            .withBody(TenantFixtures.errors(503, "Service Unavailable", "try later"))));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1")))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("after 6 attempt(s)")
                    .hasMessageContaining("Service Unavailable - try later")
                    .satisfies(e -> {
                        assertThat(((RejectedException) e).httpStatus()).isEqualTo(503);
                        assertThat(((RejectedException) e).attempts()).isEqualTo(6);
                    });
            tenant.verify(exactly(6), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
            assertThat(stats.retries()).isEqualTo(5);
        }

        @Test
        void should_stop_retrying_when_the_maximum_time_per_row_has_passed() {
            // given: a row may take 3 s, backoffs are 0.5 s, 1 s, 2 s ...
            QlikSettings base = TenantFixtures.settings(tenant.getPort());
            QlikSettings shortRows = new QlikSettings(
                    base.tenantUrl(),
                    base.identity(),
                    base.basePath(),
                    base.connectTimeout(),
                    base.readTimeout(),
                    100,
                    1000,
                    6,
                    base.initialBackoff(),
                    base.maxBackoff(),
                    Duration.ofSeconds(3),
                    base.maxThrottleWait(),
                    base.window());
            tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withStatus(504)));

            // when / then
            try (QlikClient shortClient = clientWith(shortRows)) {
                assertThatThrownBy(() -> shortClient.create(request("sp1")))
                        .isInstanceOf(RejectedException.class)
                        .satisfies(e ->
                                assertThat(((RejectedException) e).attempts()).isLessThan(6));
            }
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(4));
        }
    }

    @Nested
    class Throttling {
        @Test
        void should_obey_retry_after_without_spending_an_attempt() {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("quota")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse()
                            .withStatus(429)
                            .withHeader("Retry-After", "2")
                            .withBody(TenantFixtures.errors(
                                    429, "API rate limit reached.", "You need to wait 2 seconds")))
                    .willSetStateTo("lifted"));
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("quota")
                    .whenScenarioStateIs("lifted")
                    .willReturn(created("c-4")));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
            assertThat(stats.snapshot()).isEqualTo(new HttpStats.Snapshot(2, 0, 1, 2000));
        }

        @Test
        void should_stop_the_run_when_retry_after_exceeds_the_cap() {
            // given: the cap is 5 minutes
            tenant.stubFor(
                    post(CONNECTIONS).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "301")));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1")))
                    .isInstanceOf(ThrottleWaitTooLongException.class)
                    .hasMessageContaining("301 s")
                    .satisfies(e -> {
                        ThrottleWaitTooLongException tooLong = (ThrottleWaitTooLongException) e;
                        assertThat(tooLong.runStatus()).isEqualTo(RunStoppingException.RunStatus.STOPPED);
                        assertThat(tooLong.retryAfter()).isEqualTo(Duration.ofSeconds(301));
                    });
            assertThat(time.waits()).isEmpty();
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }
    }

    @Nested
    class Safe_create {
        @Test
        void should_look_up_instead_of_posting_again_after_a_dropped_connection() {
            // given: the first POST is carried out, but the connection drops before the answer
            tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
            tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                    .withQueryParam("type", equalTo("connectionname"))
                    .withQueryParam("spaceId", equalTo("sp1"))
                    .willReturn(okJson(TenantFixtures.connection("c-5", "sales-s3", "sp1"))));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then
            assertThat(outcome).isEqualTo(new CreateOutcome("c-5", 200, 2, true));
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_post_again_when_the_look_up_finds_nothing() {
            // given
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("drop")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                    .willSetStateTo("dropped"));
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("drop")
                    .whenScenarioStateIs("dropped")
                    .willReturn(created("c-6")));
            tenant.stubFor(get(urlPathEqualTo(LOOKUP)).willReturn(notFound()));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then
            assertThat(outcome).isEqualTo(new CreateOutcome("c-6", 201, 2, false));
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo(LOOKUP)));
        }

        @Test
        void should_resolve_a_409_after_an_unknown_outcome_by_a_look_up() {
            // given: the first POST lands late, after the look-up missed it
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("late")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                    .willSetStateTo("sent"));
            tenant.stubFor(post(CONNECTIONS)
                    .inScenario("late")
                    .whenScenarioStateIs("sent")
                    .willReturn(aResponse()
                            .withStatus(409)
                            .withBody(TenantFixtures.errors(409, "Conflict", "Data connection already exists"))));
            tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                    .inScenario("lookup")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(notFound())
                    .willSetStateTo("visible"));
            tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                    .inScenario("lookup")
                    .whenScenarioStateIs("visible")
                    .willReturn(okJson(TenantFixtures.connection("c-7", "sales-s3", "sp1"))));

            // when
            CreateOutcome outcome = client.create(request("sp1"));

            // then
            assertThat(outcome).isEqualTo(new CreateOutcome("c-7", 200, 2, true));
            tenant.verify(exactly(2), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_treat_a_read_timeout_as_an_unknown_outcome() {
            // given: the tenant answers after the read timeout
            tenant.stubFor(post(CONNECTIONS).willReturn(created("c-8").withFixedDelay(1500)));
            tenant.stubFor(get(urlPathEqualTo(LOOKUP))
                    .willReturn(okJson(TenantFixtures.connection("c-8", "sales-s3", "sp1"))));

            // when
            CreateOutcome outcome;
            try (QlikClient impatient = clientWith(TenantFixtures.settings(tenant.getPort(), Duration.ofMillis(300)))) {
                outcome = impatient.create(request("sp1"));
            }

            // then
            assertThat(outcome).isEqualTo(new CreateOutcome("c-8", 200, 2, true));
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_keep_a_plain_409_a_rejection_without_looking_up() {
            // given
            tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withStatus(409)));

            // when / then
            assertThatThrownBy(() -> client.create(request("sp1"))).isInstanceOf(RejectedException.class);
            tenant.verify(exactly(0), getRequestedFor(urlPathEqualTo(LOOKUP)));
        }
    }

    @Nested
    class Unreachable_tenant {
        @Test
        void should_stop_the_run_when_no_attempt_can_connect() throws Exception {
            // given: a port nobody listens on
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }

            // when / then
            try (QlikClient nowhere = clientWith(TenantFixtures.settings(closedPort))) {
                assertThatThrownBy(() -> nowhere.create(request("sp1")))
                        .isInstanceOf(TenantUnreachableException.class)
                        .hasMessageContaining("localhost")
                        .satisfies(e -> assertThat(((TenantUnreachableException) e).attempts())
                                .isEqualTo(6));
            }
            assertThat(stats.retries()).isEqualTo(5);
        }
    }

    @Nested
    class Patch {
        @Test
        void should_send_a_json_patch_list_and_return_204() {
            // given
            tenant.stubFor(patch(urlPathEqualTo(CONNECTIONS + "/c-1"))
                    .willReturn(aResponse().withStatus(204)));

            // when
            WriteOutcome outcome = client.patch(
                    "c-1",
                    List.of(
                            new PatchOperation("replace", "/connectionProperties/secretKey", SECRET),
                            new PatchOperation("replace", "/tags", List.of("a"))),
                    List.of(SECRET));

            // then
            assertThat(outcome).isEqualTo(new WriteOutcome(204, 1));
            tenant.verify(
                    exactly(1),
                    patchRequestedFor(urlPathEqualTo(CONNECTIONS + "/c-1"))
                            .withRequestBody(equalToJson("""
                    [{"op":"replace","path":"/connectionProperties/secretKey","value":"%s"},
                     {"op":"replace","path":"/tags","value":["a"]}]""".formatted(SECRET))));
        }

        @Test
        void should_retry_a_patch_on_504_and_reject_it_on_404() {
            // given
            tenant.stubFor(patch(urlPathEqualTo(CONNECTIONS + "/c-1"))
                    .inScenario("p")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(504))
                    .willSetStateTo("ok"));
            tenant.stubFor(patch(urlPathEqualTo(CONNECTIONS + "/c-1"))
                    .inScenario("p")
                    .whenScenarioStateIs("ok")
                    .willReturn(aResponse().withStatus(204)));
            tenant.stubFor(patch(urlPathEqualTo(CONNECTIONS + "/gone")).willReturn(notFound()));
            List<PatchOperation> ops = List.of(new PatchOperation("replace", "/qName", "x"));

            // when / then
            assertThat(client.patch("c-1", ops, List.of())).isEqualTo(new WriteOutcome(204, 2));
            assertThatThrownBy(() -> client.patch("gone", ops, List.of()))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("HTTP 404");
        }
    }
}

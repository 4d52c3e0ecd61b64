package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Contract section 6, issue 22 item 5: {@code http} in summary.json counts every request of every
 * execution of a run, the reads before each job included, however the run was interrupted.
 */
class RunRequestsTests {

    /** Every request the tenant received, whoever answered it. */
    static int received(TestTenant tenant) {
        return tenant.sandbox().server().getAllServeEvents().size();
    }

    static JsonNode http(TestTenant tenant, long runId) throws IOException {
        return RestartTests.summary(tenant, runId).get("http");
    }

    @Nested
    class Interrupted_and_restarted {
        @OnEachDatabase
        void should_count_the_requests_of_both_executions_when_a_refused_key_failed_the_first(
                TestDatabase.Kind db, @TempDir Path dir) throws IOException {
            // given: 30 rows in chunks of 5; the create of conn-13 is refused with a 401, failing the run
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 30, "Finance")
                    .write(dir.resolve("thirty.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                StubMapping refusal = RestartTests.refuseTheCreateOf(tenant, "conn-13");
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString(), RestartTests.CHUNK_OF_5);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                assertThat(http(tenant, 1).get("requests").asLong()).isEqualTo(received(tenant));
                tenant.sandbox().server().removeStub(refusal);

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", RestartTests.CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                assertThat(http(tenant, 1).get("requests").asLong()).isEqualTo(received(tenant));
                assertThat(tenant.qcl("status", "--run", "1").out())
                        .contains("HTTP:       " + received(tenant) + " requests");
            }
        }

        @Test
        void should_count_the_requests_of_both_executions_when_a_long_pause_stopped_the_first(@TempDir Path dir)
                throws IOException {
            // given: the create of conn-8 is answered 429 with an hour's Retry-After, which stops the run
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 12, "Finance")
                    .write(dir.resolve("twelve.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                StubMapping pause = tenant.sandbox()
                        .server()
                        .stubFor(post(urlPathEqualTo("/api/v1/data-connections"))
                                .withRequestBody(matchingJsonPath("$.qName", equalTo("conn-8")))
                                .atPriority(1)
                                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString(), RestartTests.CHUNK_OF_5);
                assertThat(first.lastLine()).as(first.err()).contains("STOPPED");
                tenant.sandbox().server().removeStub(pause);

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", RestartTests.CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                JsonNode http = http(tenant, 1);
                assertThat(http.get("requests").asLong()).isEqualTo(received(tenant));
                assertThat(http.get("throttled").asLong()).isEqualTo(1);
            }
        }

        @Test
        void should_count_the_reads_before_a_run_that_goes_on_in_its_prune_step(@TempDir Path dir) throws IOException {
            // given: a labelled run whose rows are done, but whose bulk delete was refused with a 401
            try (TestTenant tenant = TestTenant.start(dir)) {
                for (String old : List.of("old-1", "old-2")) {
                    tenant.sandbox()
                            .addConnection(
                                    SandboxSeed.FINANCE_SPACE_ID,
                                    old,
                                    "postgres",
                                    Map.of("host", old + ".example.com", "database", "d"),
                                    List.of("qcl:nightly"));
                }
                Path input = Sheets.with(List.of("qName", "dataSourceId", "spaceName", "host", "database"))
                        .row("pg-new", "postgres", "Finance", "h", "d")
                        .write(dir.resolve("owned.csv"));
                StubMapping refusal = tenant.sandbox()
                        .server()
                        .stubFor(post(urlPathEqualTo("/api/v1/data-connections/actions/delete"))
                                .atPriority(1)
                                .willReturn(aResponse()
                                        .withStatus(401)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                "{\"errors\":[{\"code\":\"HTTP-401\",\"title\":\"Unauthorized\"}]}")));
                String[] run = {
                    "run", "--input", input.toString(), "--own", "nightly", "--prune", "--run-label", "nightly"
                };
                Qcl.Outcome first = tenant.qclUnpaced(run);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                tenant.sandbox().server().removeStub(refusal);

                // when: the same call again continues the run; it reads the data sources, the spec and the
                // set's plan before its job, which only runs the prune step
                Qcl.Outcome again = tenant.qclUnpaced(run);

                // then
                assertThat(again.lastLine())
                        .as(again.err())
                        .startsWith("Run 1 COMPLETED")
                        .contains("2 DELETED");
                assertThat(http(tenant, 1).get("requests").asLong()).isEqualTo(received(tenant));
            }
        }
    }
}

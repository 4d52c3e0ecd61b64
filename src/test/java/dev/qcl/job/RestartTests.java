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
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code qcl restart}: a run that stopped part-way resumes from its last committed chunk, in the same run. */
class RestartTests {
    static final String CHUNK_OF_5 = "--qcl.job.chunk-size=5";

    /** Answers 401 to the create of one name only, as if the key were revoked at that moment. */
    static StubMapping refuseTheCreateOf(TestTenant tenant, String qName) {
        return tenant.sandbox()
                .server()
                .stubFor(post(urlPathEqualTo("/api/v1/data-connections"))
                        .withRequestBody(matchingJsonPath("$.qName", equalTo(qName)))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(401)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"errors\":[{\"code\":\"HTTP-401\",\"title\":\"Unauthorized\"}]}")));
    }

    static JsonNode summary(TestTenant tenant, long runId) throws IOException {
        Path file = tenant.home().resolve("reports").resolve("run-" + runId).resolve("summary.json");
        return JsonMapper.builder().build().readTree(Files.readString(file));
    }

    @Nested
    class AfterTheTenantRejectedTheKey {
        @OnEachDatabase
        void should_give_every_row_one_result_and_create_every_name_once_when_restarted(
                TestDatabase.Kind db, @TempDir Path dir) throws IOException {
            // given: 30 rows in chunks of 5; the 13th create is refused, so chunk 3 (rows 12-16) rolls back
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 30, "Finance")
                    .write(dir.resolve("thirty.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                StubMapping refusal = refuseTheCreateOf(tenant, "conn-13");
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString(), CHUNK_OF_5);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                assertThat(first.lastLine()).contains("FAILED");
                long runId = RerunFailedTests.lastRunId(tenant);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(2, 11).boxed().toList());
                assertThat(tenant.sandbox().connections()).hasSizeLessThan(30);
                long firstDuration = summary(tenant, runId).get("durationMs").asLong();
                tenant.sandbox().server().removeStub(refusal);

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows).extracting(ResultsTable.Row::runId).containsOnly(runId);
                assertThat(rows)
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(2, 31).boxed().toList());
                // rows 12-16 were created before the chunk rolled back: this run created them, and says so
                assertThat(rows).extracting(ResultsTable.Row::status).containsOnly("CREATED");
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .hasSize(30);
                assertThat(tenant.sandbox().createRequests()).isEqualTo(30);
                assertThat(rows)
                        .extracting(ResultsTable.Row::connectionId)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(tenant.sandbox().connections().stream()
                                .map(StoredConnection::id)
                                .toList());
                JsonNode summary = summary(tenant, runId);
                assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
                assertThat(summary.get("rows").asLong()).isEqualTo(30);
                assertThat(summary.get("counts").get("CREATED").asLong()).isEqualTo(30);
                assertThat(summary.get("durationMs").asLong()).isGreaterThan(firstDuration);
                assertThat(restart.lastLine()).startsWith("Run " + runId + " COMPLETED");
            }
        }

        @ParameterizedTest(name = "--on-existing {0}")
        @ValueSource(strings = {"skip", "fail", "update"})
        void should_record_the_rows_the_interrupted_chunk_created_as_created_in_every_mode(
                String mode, @TempDir Path dir) {
            // given: chunks of 5; the create of conn-8 (row 9, in the second chunk) is refused with a 401
            // after the other rows of that chunk were created
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 12, "Finance")
                    .write(dir.resolve("twelve.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                StubMapping refusal = refuseTheCreateOf(tenant, "conn-8");
                Qcl.Outcome first =
                        tenant.qclUnpaced("run", "--input", input.toString(), "--on-existing", mode, CHUNK_OF_5);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                assertThat(tenant.results()).hasSize(5);
                assertThat(tenant.sandbox().connections()).hasSizeGreaterThan(5);
                tenant.sandbox().server().removeStub(refusal);

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows)
                        .extracting(ResultsTable.Row::status)
                        .hasSize(12)
                        .containsOnly("CREATED");
                assertThat(rows)
                        .extracting(ResultsTable.Row::connectionId)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(tenant.sandbox().connections().stream()
                                .map(StoredConnection::id)
                                .toList());
                assertThat(tenant.sandbox().createRequests()).isEqualTo(12);
                assertThat(restart.lastLine()).contains("12 CREATED, 0 UPDATED, 0 SKIPPED, 0 INVALID, 0 FAILED");
            }
        }

        @OnEachDatabase
        void should_refuse_to_restart_with_exit_2_while_the_input_differs_from_what_the_run_started_with(
                TestDatabase.Kind db, @TempDir Path dir) throws IOException {
            // given
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 3, "Finance")
                    .write(dir.resolve("three.csv"));
            String original = Files.readString(input);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                StubMapping refusal = refuseTheCreateOf(tenant, "conn-2");
                assertThat(tenant.qclUnpaced("run", "--input", input.toString()).exitCode())
                        .isEqualTo(3);
                tenant.sandbox().server().removeStub(refusal);
                Files.writeString(input, original + "conn-4,postgres,Finance,h4,5432,d4\n");

                // when
                Qcl.Outcome refused = tenant.qclUnpaced("restart");
                Files.writeString(input, original);
                Qcl.Outcome restarted = tenant.qclUnpaced("restart");

                // then
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("changed since run");
                assertThat(restarted.exitCode()).as(restarted.err()).isZero();
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("conn-1", "conn-2", "conn-3");
            }
        }
    }

    @Nested
    class AfterTheProcessDied {
        @OnEachDatabase
        void should_take_over_a_run_left_started_under_this_very_pid_as_after_a_container_restart(
                TestDatabase.Kind db, @TempDir Path dir) throws SQLException {
            // given: a run left STARTED, marked with this host and this JVM's PID (in a container the
            // next process often gets the same PID as the dead one)
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 12, "Finance")
                    .write(dir.resolve("twelve.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                StubMapping refusal = refuseTheCreateOf(tenant, "conn-8");
                assertThat(tenant.qclUnpaced("run", "--input", input.toString(), CHUNK_OF_5)
                                .exitCode())
                        .isEqualTo(3);
                tenant.sandbox().server().removeStub(refusal);
                leaveStarted(tenant.database());

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                assertThat(executionStatuses(tenant.database())).containsExactly("FAILED", "COMPLETED");
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(2, 13).boxed().toList());
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .hasSize(12);
            }
        }

        static List<String> executionStatuses(TestDatabase database) throws SQLException {
            try (Connection c = database.connect();
                    Statement statement = c.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID")) {
                List<String> statuses = new ArrayList<>();
                while (rs.next()) {
                    statuses.add(rs.getString(1));
                }
                return statuses;
            }
        }

        /** What a killed process leaves behind: the execution and its step still STARTED, no end time. */
        static void leaveStarted(TestDatabase database) throws SQLException {
            try (Connection c = database.connect();
                    Statement statement = c.createStatement()) {
                statement.executeUpdate(
                        "UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL");
                statement.executeUpdate(
                        "UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL");
            }
        }
    }

    @Nested
    class WithNothingToRestart {
        @OnEachDatabase
        void should_say_so_and_exit_2_when_every_run_completed(TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 2, "Finance")
                    .write(dir.resolve("two.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                assertThat(tenant.qclUnpaced("run", "--input", input.toString()).exitCode())
                        .isZero();

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart");

                // then
                assertThat(restart.exitCode()).isEqualTo(2);
                assertThat(restart.err()).contains("there is no run to restart");
                assertThat(tenant.sandbox().createRequests()).isEqualTo(2);
            }
        }
    }
}

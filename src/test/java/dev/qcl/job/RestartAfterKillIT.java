package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.TestWorkbook;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged jar, killed with SIGKILL part-way through a run, then restarted by a second process:
 * the restart notices the dead process, and the run ends with every row done exactly once.
 */
public class RestartAfterKillIT {
    static final int ROWS = 200;
    public static final Duration PROCESS_LIMIT = Duration.ofMinutes(4);

    /** Each job repository, with the modes in which a restart would otherwise find its own rows "existing". */
    static Stream<Arguments> databasesAndModes() {
        return Stream.of(TestDatabase.Kind.values())
                .flatMap(db -> Stream.of(Arguments.of(db, "skip"), Arguments.of(db, "fail")));
    }

    @ParameterizedTest(name = "on {0}, --on-existing {1}")
    @MethodSource("databasesAndModes")
    void should_finish_the_killed_run_with_every_row_created_once_and_recorded_created(
            TestDatabase.Kind db, String mode, @TempDir Path dir) throws Exception {
        // given: 200 rows against a tenant that takes 80 ms per answer, sent in chunks of 5
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "killed", ROWS, "Finance")
                .write(dir.resolve("killed.csv"));
        killAndRestart(db, mode, dir, input);
    }

    @Test
    void should_finish_a_killed_workbook_run_at_its_last_committed_row_with_no_row_twice(@TempDir Path dir)
            throws Exception {
        // given: the same 200 rows in the second sheet of a workbook, the port typed as a number
        TestWorkbook workbook =
                TestWorkbook.sheet("Notes").row("qName", "dataSourceId").andSheet("Connections");
        workbook.row(RerunFailedTests.HEADER.toArray());
        Path input = WorkbookRunTests.rows(workbook, "killed", ROWS, "Finance").write(dir.resolve("killed.xlsx"));
        killAndRestart(TestDatabase.Kind.H2, "skip", dir, input, "--sheet", "Connections");
    }

    private static void killAndRestart(TestDatabase.Kind db, String mode, Path dir, Path input, String... options)
            throws Exception {
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofMillis(80));
        try (TestTenant tenant = TestTenant.start(dir, slow, db)) {
            List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--on-existing", mode));
            args.addAll(List.of(options));
            Process run = qcl(tenant, dir, "run", args.toArray(String[]::new));
            await().atMost(PROCESS_LIMIT)
                    .pollInterval(Duration.ofMillis(20))
                    .failFast("the run ended before it could be killed", () -> !run.isAlive())
                    .until(() -> tenant.sandbox().connections().size() >= 30);

            // when
            run.destroyForcibly();
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
            int createdBeforeTheKill = tenant.sandbox().connections().size();
            String leftBehind = lastExecutionStatus(tenant.database());
            Process restart = qcl(tenant, dir, "restart", "restart");
            assertThat(restart.waitFor(PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();

            // then
            String restartErr = Files.readString(dir.resolve("restart.err"));
            assertThat(run.exitValue()).isEqualTo(137);
            assertThat(leftBehind).isEqualTo("STARTED");
            assertThat(createdBeforeTheKill).isBetween(30, ROWS - 1);
            assertThat(restart.exitValue()).as(restartErr).isZero();
            assertThat(restartErr).contains("was left running by process " + run.pid() + ", which has ended");

            List<StoredConnection> stored = tenant.sandbox().connections();
            assertThat(stored)
                    .extracting(StoredConnection::qName)
                    .doesNotHaveDuplicates()
                    .hasSize(ROWS);
            assertThat(tenant.sandbox().createRequests()).isEqualTo(ROWS);

            List<ResultsTable.Row> rows = tenant.results();
            assertThat(rows).extracting(ResultsTable.Row::runId).containsOnly(1L);
            assertThat(rows)
                    .extracting(ResultsTable.Row::row)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(2, ROWS + 1).boxed().toList());
            // the rows of the chunk the kill interrupted were created by this run: recorded so, never SKIPPED or FAILED
            assertThat(rows).extracting(ResultsTable.Row::status).containsOnly("CREATED");
            assertThat(rows)
                    .extracting(ResultsTable.Row::connectionId)
                    .containsExactlyInAnyOrderElementsOf(
                            stored.stream().map(StoredConnection::id).toList());

            JsonNode summary = JsonMapper.builder()
                    .build()
                    .readTree(Files.readString(tenant.home().resolve("reports/run-1/summary.json")));
            assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
            assertThat(summary.get("rows").asLong()).isEqualTo(ROWS);
            assertThat(Files.readString(dir.resolve("restart.out"))).contains("Run 1 COMPLETED: " + ROWS + " CREATED");
        }
    }

    /** Starts the packaged jar against the tenant, its output in {@code <name>.out} and {@code <name>.err}. */
    public static Process qcl(TestTenant tenant, Path dir, String name, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("qcl.jar", "target/qlik-connection-loader.jar"));
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of(
                "--tenant",
                tenant.sandbox().url(),
                "--home",
                tenant.home().toString(),
                "--qcl.api-key-file=" + tenant.keyFile(),
                "--qcl.job.chunk-size=5",
                "--rate-limit",
                "6000"));
        command.addAll(tenant.database().springArgs());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve(name + ".out").toFile())
                .redirectError(dir.resolve(name + ".err").toFile());
        Map<String, String> env = builder.environment();
        env.remove("QLIK_API_KEY");
        env.remove("QLIK_TENANT_URL");
        env.remove("QCL_HOME");
        return builder.start();
    }

    /** The status the job repository holds for the newest execution, as the killed process left it. */
    static String lastExecutionStatus(TestDatabase database) throws SQLException {
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT STATUS FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC")) {
            assertThat(rs.next()).as("an execution was recorded").isTrue();
            return rs.getString(1);
        }
    }
}

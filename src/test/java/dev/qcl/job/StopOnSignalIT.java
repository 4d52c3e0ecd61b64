package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM (a scheduler's stop, Ctrl-C) during a run: the packaged jar stops after the current chunk,
 * records the run STOPPED with every finished row, exits 3, and a restart finishes the rest.
 */
class StopOnSignalIT {
    static final int ROWS = 200;

    @ParameterizedTest(name = "--on-existing {0}")
    @ValueSource(strings = {"skip", "fail"})
    void should_stop_after_the_current_chunk_with_exit_3_and_finish_on_restart_when_terminated(
            String mode, @TempDir Path dir) throws Exception {
        // given
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "stopped", ROWS, "Finance")
                .write(dir.resolve("stopped.csv"));
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofMillis(80));
        try (TestTenant tenant = TestTenant.start(dir, slow, TestDatabase.Kind.H2)) {
            Process run = RestartAfterKillIT.qcl(
                    tenant, dir, "run", "run", "--input", input.toString(), "--on-existing", mode);
            await().atMost(Duration.ofMinutes(4))
                    .pollInterval(Duration.ofMillis(20))
                    .failFast("the run ended before it could be stopped", () -> !run.isAlive())
                    .until(() -> tenant.sandbox().connections().size() >= 30);

            // when
            run.destroy();
            assertThat(run.waitFor(2, TimeUnit.MINUTES)).isTrue();
            List<ResultsTable.Row> recordedAtStop = tenant.results();
            String summaryAtStop = Files.readString(tenant.home().resolve("reports/run-1/summary.json"));
            Process restart = RestartAfterKillIT.qcl(tenant, dir, "restart", "restart");
            assertThat(restart.waitFor(4, TimeUnit.MINUTES)).isTrue();

            // then
            String out = Files.readString(dir.resolve("run.out"));
            assertThat(run.exitValue())
                    .as(Files.readString(dir.resolve("run.err")))
                    .isEqualTo(3);
            assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).contains("Run 1 STOPPED");
            assertThat(summaryAtStop).contains("\"status\" : \"STOPPED\"");
            assertThat(recordedAtStop.size()).isBetween(5, ROWS - 1);
            assertThat(restart.exitValue())
                    .as(Files.readString(dir.resolve("restart.err")))
                    .isZero();
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .doesNotHaveDuplicates()
                    .hasSize(ROWS);
            // rows this run created before the stop are CREATED, also when their chunk did not commit
            assertThat(tenant.results())
                    .hasSize(ROWS)
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("CREATED");
            assertThat(tenant.sandbox().createRequests()).isEqualTo(ROWS);
        }
    }
}

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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM while every sender waits out a tenant's 429 pause: the packaged jar stops within seconds,
 * not at the end of the pause, records the run STOPPED, exits 3, and a restart finishes the rest.
 */
class StopDuringQuotaPauseIT {
    static final int ROWS = 20;

    @Test
    void should_stop_within_seconds_and_finish_on_restart_when_terminated_during_a_quota_pause(@TempDir Path dir)
            throws Exception {
        // given: 10 writes per 90 s; the 11th write is answered 429 with a Retry-After of about 90 s
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "paused", ROWS, "Finance")
                .write(dir.resolve("paused.csv"));
        SandboxSettings quota = SandboxSettings.defaults().withWriteQuota(10, Duration.ofSeconds(90));
        try (TestTenant tenant = TestTenant.start(dir, quota, TestDatabase.Kind.H2)) {
            Process run = RestartAfterKillIT.qcl(
                    tenant, dir, "run", "run", "--input", input.toString(), "--qcl.write.max-throttle-wait=10m");
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the run ended before the pause", () -> !run.isAlive())
                    .until(() -> tenant.sandbox().throttledRequests() >= 1);

            // when
            run.destroy();

            // then: well before the 90 s pause ends
            assertThat(run.waitFor(45, TimeUnit.SECONDS))
                    .as("stopped before the pause ended")
                    .isTrue();
            assertThat(run.exitValue())
                    .as(Files.readString(dir.resolve("run.err")))
                    .isEqualTo(3);
            String out = Files.readString(dir.resolve("run.out"));
            assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).contains("Run 1 STOPPED");
            assertThat(tenant.home().resolve("reports/run-1/summary.json"))
                    .content()
                    .contains("\"status\" : \"STOPPED\"");
            assertThat(tenant.sandbox().connections()).hasSize(10);

            // and: the restart waits for the tenant's window and creates the rest, each row once
            Process restart = RestartAfterKillIT.qcl(tenant, dir, "restart", "restart");
            assertThat(restart.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(restart.exitValue())
                    .as(Files.readString(dir.resolve("restart.err")))
                    .isZero();
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .doesNotHaveDuplicates()
                    .hasSize(ROWS);
            assertThat(tenant.results())
                    .hasSize(ROWS)
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("CREATED");
        }
    }
}

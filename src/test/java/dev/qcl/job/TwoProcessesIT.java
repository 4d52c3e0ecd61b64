package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run going in one process (the packaged jar) and other commands on the same home folder in
 * another (this JVM): read-only commands work beside it, a second job is refused naming the first.
 */
class TwoProcessesIT {
    static final int ROWS = 400;

    @Test
    void should_answer_status_and_diff_and_refuse_a_second_job_while_a_run_holds_the_home_folder(@TempDir Path dir)
            throws Exception {
        // given: a run that takes minutes (the tenant answers in a second, 4 senders, chunks of 5)
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "busy", ROWS, "Finance")
                .write(dir.resolve("busy.csv"));
        Path other = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "other", 2, "Finance")
                .write(dir.resolve("other.csv"));
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofSeconds(1));
        try (TestTenant tenant = TestTenant.start(dir, slow)) {
            Process run = RestartAfterKillIT.qcl(tenant, dir, "run", "run", "--input", input.toString());
            try {
                await().atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofMillis(20))
                        .failFast("the run ended too early", () -> !run.isAlive())
                        .until(() -> tenant.sandbox().connections().size() >= 8);
                // the sandbox stores a create before it answers: wait for the first chunk's commit too, as
                // status (beside the run) sees it
                await().atMost(Duration.ofMinutes(4))
                        .pollInterval(Duration.ofMillis(200))
                        .failFast("the run ended too early", () -> !run.isAlive())
                        .until(() -> tenant.qcl("status", "--run", "1").out().contains("CREATED"));

                // when
                Qcl.Outcome status = tenant.qcl("status");
                Qcl.Outcome detail = tenant.qcl("status", "--run", "1");
                Qcl.Outcome diff = tenant.qcl("diff", "--input", other.toString());
                Qcl.Outcome second = tenant.qclUnpaced("run", "--input", other.toString());
                Qcl.Outcome restart = tenant.qclUnpaced("restart", "--run", "1");
                boolean stillRunning = run.isAlive();

                // then
                assertThat(stillRunning)
                        .as("the checks ran while the run was going")
                        .isTrue();
                assertThat(status.exitCode()).as(status.err()).isZero();
                assertThat(status.out()).containsPattern("(?m)^1\\s+STARTED\\s");
                assertThat(detail.exitCode()).as(detail.err()).isZero();
                assertThat(detail.out()).contains("Run 1: STARTED").contains("CREATED");
                assertThat(diff.exitCode()).as(diff.err()).isEqualTo(4);
                assertThat(diff.lastLine()).contains("2 CREATE");
                assertThat(second.exitCode()).isEqualTo(2);
                assertThat(second.err().strip().lines()).hasSize(1);
                assertThat(second.err())
                        .contains("is in use by process " + run.pid() + " on host ")
                        .contains("qcl run");
                assertThat(restart.exitCode()).isEqualTo(2);
                assertThat(restart.err()).contains("is in use by process " + run.pid());
                assertThat(tenant.sandbox().connections())
                        .extracting(c -> c.qName())
                        .noneMatch(n -> n.startsWith("other-"));
            } finally {
                run.destroyForcibly();
                run.waitFor(1, TimeUnit.MINUTES);
            }
        }
    }
}

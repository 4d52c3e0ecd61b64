package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar holds a run label on a shared PostgreSQL job repository and is killed with SIGKILL:
 * its session, and with it the label's lock, ends, so the next call of the label from another home
 * folder is not refused; it continues the killed run, every row once.
 */
class KilledLabelHolderIT {
    static final int ROWS = 100;

    @Test
    void should_let_the_next_run_of_the_label_go_when_its_holder_was_killed(@TempDir Path dir) throws Exception {
        // given: a labelled run in another process, killed part-way
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "killed", ROWS, "Finance")
                .write(dir.resolve("killed.csv"));
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofMillis(80));
        try (TestTenant tenant = TestTenant.start(dir, slow, TestDatabase.Kind.POSTGRES)) {
            Process holder = RestartAfterKillIT.qcl(
                    tenant, dir, "holder", "run", "--input", input.toString(), "--run-label=nightly");
            await().atMost(RestartAfterKillIT.PROCESS_LIMIT)
                    .pollInterval(Duration.ofMillis(20))
                    .failFast("the run ended before it could be killed", () -> !holder.isAlive())
                    .until(() -> tenant.sandbox().connections().size() >= 10);
            holder.destroyForcibly();
            assertThat(holder.waitFor(1, TimeUnit.MINUTES)).isTrue();

            // when: another machine's call of the label
            List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--run-label=nightly"));
            args.addAll(tenant.database().springArgs());
            Qcl.Outcome next = Qcl.against(
                    tenant.sandbox().url(), tenant.keyFile(), dir.resolve("other-home"), args.toArray(String[]::new));

            // then
            assertThat(next.exitCode()).as(next.err()).isZero();
            assertThat(next.out())
                    .contains("Run 1 (nightly) had not completed and its input is unchanged; it was continued.");
            assertThat(next.lastLine()).startsWith("Run 1 COMPLETED").contains(ROWS + " CREATED");
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .doesNotHaveDuplicates()
                    .hasSize(ROWS);
        }
    }
}

package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A quota pause longer than the cap stops the run, restartable, instead of hanging silently. */
class ThrottleCapTests {

    @Test
    void should_stop_the_run_with_exit_3_when_retry_after_is_longer_than_the_cap(@TempDir Path dir) throws IOException {
        // given: a tenant that allows 1 write a minute, so the second write gets Retry-After of about 60 s
        Path input = Files.writeString(dir.resolve("in.csv"), """
                qName,dataSourceId,spaceName,host,database
                pg-1,postgres,Finance,h1,d1
                pg-2,postgres,Finance,h2,d2
                pg-3,postgres,Finance,h3,d3
                """);
        try (TestTenant tenant =
                TestTenant.start(dir, SandboxSettings.defaults().withWriteQuotaPerMinute(1))) {
            // when
            Qcl.Outcome outcome = tenant.qcl(
                    "run",
                    "--input",
                    input.toString(),
                    "--rate-limit",
                    "6000",
                    "--concurrency",
                    "1",
                    "--qcl.write.max-throttle-wait=2s");

            // then
            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(outcome.err()).contains("qcl restart --run 1");
            assertThat(outcome.lastLine()).contains("Run 1 STOPPED");
            assertThat(tenant.home().resolve("reports/run-1/summary.json"))
                    .content()
                    .contains("\"status\" : \"STOPPED\"")
                    .containsPattern("\"throttled\" : [1-9]");
            assertThat(tenant.sandbox().connections()).hasSize(1);
            assertThat(Qcl.run("status", "--home", tenant.home().toString()).out())
                    .contains("STOPPED");
            assertThat(stepStatuses(tenant.database())).containsExactly("STOPPED");
        }
    }

    /** The statuses of the steps the job repository recorded, oldest first. */
    static List<String> stepStatuses(TestDatabase database) {
        List<String> statuses = new ArrayList<>();
        try (Connection c = database.connect();
                PreparedStatement ps =
                        c.prepareStatement("SELECT STATUS FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                statuses.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return statuses;
    }

    @Test
    void should_stop_without_waiting_out_the_pause_when_four_senders_meet_a_retry_after_beyond_the_cap(
            @TempDir Path dir) throws IOException {
        // given: one write per 15 minutes, so every further write is answered 429 with Retry-After ~900 s
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "cap", 12, "Finance")
                .write(dir.resolve("in.csv"));
        SandboxSettings strict = SandboxSettings.defaults().withWriteQuota(1, Duration.ofMinutes(15));
        try (TestTenant tenant = TestTenant.start(dir, strict)) {
            // when: the cap is 5 s; a sender that slept before looking at it would wait 15 minutes
            Qcl.Outcome outcome = assertTimeoutPreemptively(
                    Duration.ofMinutes(3),
                    () -> tenant.qcl(
                            "run",
                            "--input",
                            input.toString(),
                            "--concurrency",
                            "4",
                            "--qcl.write.max-throttle-wait=5s",
                            "--qcl.job.chunk-size=4"));

            // then
            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(outcome.err()).contains("longer than the allowed 5 s").contains("qcl restart --run 1");
            assertThat(outcome.lastLine()).contains("Run 1 STOPPED");
            assertThat(tenant.sandbox().connections()).hasSize(1);
            // each sender met the refusal at most once and then sent nothing more: the quota's one
            // write plus at most one refused request per sender (a sender that finished the first
            // row may already be on a row ahead of the chunk when the 429s come)
            assertThat(tenant.sandbox().throttledRequests()).isBetween(1L, 4L);
            assertThat(tenant.sandbox().writeRequests())
                    .isEqualTo(1 + tenant.sandbox().throttledRequests());
        }
    }
}

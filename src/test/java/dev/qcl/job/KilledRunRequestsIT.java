package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 5: the packaged jar killed with SIGKILL while its senders wait for answers inside a chunk
 * that never commits. The requests it sent are in the job repository already, and the restarted run's
 * summary counts every request the tenant received from both processes.
 */
public class KilledRunRequestsIT {
    private static final String CONNECTIONS = "/api/v1/data-connections";
    /** Creates from conn-20 on are held 15 s: every sender ends up waiting on one. */
    private static final String HELD = "conn-(2[0-9]|3[0-9]|40)";

    @Test
    void should_have_every_request_of_the_interrupted_chunk_counted_when_the_restarted_run_ends(@TempDir Path dir)
            throws Exception {
        // given
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 40, "Finance")
                .write(dir.resolve("killed.csv"));
        try (TestTenant tenant = TestTenant.start(dir)) {
            StubMapping hold = tenant.sandbox()
                    .server()
                    .stubFor(post(urlPathEqualTo(CONNECTIONS))
                            .withRequestBody(matchingJsonPath("$.qName", matching(HELD)))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(503).withFixedDelay(15_000)));
            Process run = RestartAfterKillIT.qcl(tenant, dir, "run", "run", "--input", input.toString());
            await().atMost(RestartAfterKillIT.PROCESS_LIMIT)
                    .pollInterval(Duration.ofMillis(50))
                    .failFast("the run ended before it could be killed", () -> !run.isAlive())
                    .until(() -> held(tenant) == 4);

            // when: the running process's own count, read beside it, is what the tenant received
            await().atMost(Duration.ofMinutes(1))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> tenant.qcl("status", "--run", "1")
                            .out()
                            .contains("HTTP:       " + RunRequestsTests.received(tenant) + " requests"));
            run.destroyForcibly();
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
            tenant.sandbox().server().removeStub(hold);
            Process restart = RestartAfterKillIT.qcl(tenant, dir, "restart", "restart");
            assertThat(restart.waitFor(RestartAfterKillIT.PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();

            // then
            assertThat(restart.exitValue())
                    .as(Files.readString(dir.resolve("restart.err")))
                    .isZero();
            assertThat(tenant.sandbox().connections()).hasSize(40);
            assertThat(RestartTests.summary(tenant, 1)
                            .get("http")
                            .get("requests")
                            .asLong())
                    .isEqualTo(RunRequestsTests.received(tenant));
        }
    }

    private static int held(TestTenant tenant) {
        return tenant.sandbox()
                .server()
                .findAll(postRequestedFor(urlPathEqualTo(CONNECTIONS))
                        .withRequestBody(matchingJsonPath("$.qName", matching(HELD))))
                .size();
    }
}

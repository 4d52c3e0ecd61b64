package dev.qcl.prune;

import static dev.qcl.prune.OwnedSetFixtures.bulkDeletes;
import static dev.qcl.prune.OwnedSetFixtures.seed;
import static dev.qcl.prune.OwnedSetFixtures.sheet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.qcl.OnEachDatabase;
import dev.qcl.ResultsTable;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.job.RestartAfterKillIT;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, killed with SIGKILL in the middle of a prune, then restarted: every owned
 * connection the sheet no longer names is deleted, none twice, and each deletion is recorded once.
 */
class PruneRestartAfterKillIT {
    static final int GONE = 60;

    @OnEachDatabase
    void should_delete_nothing_twice_and_record_each_deletion_once(TestDatabase.Kind db, @TempDir Path dir)
            throws Exception {
        // given: 60 owned connections the sheet no longer names, deleted one per request at 80 ms an answer
        Path input = sheet(dir.resolve("sheet.csv"), "keep-1");
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofMillis(80));
        try (TestTenant tenant = TestTenant.start(dir, slow, db)) {
            seed(tenant, "keep-1", "qcl:nightly");
            List<String> goneIds = new ArrayList<>();
            for (int i = 1; i <= GONE; i++) {
                goneIds.add(seed(tenant, "gone-" + i, "qcl:nightly").id());
            }
            String[] prune = {"--own", "nightly", "--prune", "--max-deletes", "100", "--qcl.prune.batch-size=1"};
            Process run = RestartAfterKillIT.qcl(
                    tenant, dir, "run", concat(List.of("run", "--input", input.toString()), prune));
            await().atMost(RestartAfterKillIT.PROCESS_LIMIT)
                    .pollInterval(Duration.ofMillis(20))
                    .failFast("the run ended before it could be killed", () -> !run.isAlive())
                    .until(() -> tenant.sandbox().connections().size() <= 1 + GONE - 10);

            // when
            run.destroyForcibly();
            assertThat(run.waitFor(1, TimeUnit.MINUTES)).isTrue();
            int leftAfterTheKill = tenant.sandbox().connections().size() - 1;
            Process restart = RestartAfterKillIT.qcl(tenant, dir, "restart", "restart");
            assertThat(restart.waitFor(RestartAfterKillIT.PROCESS_LIMIT.toSeconds(), TimeUnit.SECONDS))
                    .isTrue();

            // then
            String restartErr = Files.readString(dir.resolve("restart.err"));
            assertThat(run.exitValue()).isEqualTo(137);
            assertThat(leftAfterTheKill).isBetween(1, GONE - 10);
            assertThat(restart.exitValue()).as(restartErr).isZero();
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .containsExactly("keep-1");

            List<String> sent =
                    bulkDeletes(tenant).stream().flatMap(Collection::stream).toList();
            assertThat(sent).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(goneIds);

            List<ResultsTable.Row> deletions =
                    tenant.results().stream().filter(r -> r.row() < 0).toList();
            assertThat(deletions).extracting(ResultsTable.Row::status).containsOnly("DELETED");
            assertThat(deletions)
                    .extracting(ResultsTable.Row::connectionId)
                    .doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(goneIds);
            assertThat(tenant.results()).extracting(ResultsTable.Row::runId).containsOnly(1L);
            assertThat(Files.readString(dir.resolve("restart.out"))).contains("Run 1 COMPLETED", GONE + " DELETED");
        }
    }

    private static String[] concat(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}

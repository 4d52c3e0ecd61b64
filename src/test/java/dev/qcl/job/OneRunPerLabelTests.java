package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.home.SeriesLock;
import dev.qcl.home.ThisProcess;
import dev.qcl.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.tools.Server;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two machines, each with its own home folder, share one job repository and start the same
 * {@code --run-label} at the same moment: exactly one run goes, the other is refused with exit 2 naming
 * the process that holds the label. A holder whose connection is gone holds nothing.
 */
class OneRunPerLabelTests {
    static final int TRIES = 20;
    static final String REFUSED = "qcl: the run label 'nightly' is in use by process "
            + ProcessHandle.current().pid() + " on host " + ThisProcess.host() + " (qcl run, since ";

    @Nested
    class TwoMachinesAtOnce {
        @Test
        void should_let_exactly_one_run_of_a_label_go_on_a_shared_postgresql(@TempDir Path dir) throws Exception {
            try (TestTenant tenant = TestTenant.start(dir, slow(), TestDatabase.Kind.POSTGRES)) {
                startTogether(tenant, dir, tenant.database().springArgs());
            }
        }

        @Test
        void should_let_exactly_one_run_of_a_label_go_on_a_shared_h2_server(@TempDir Path dir) throws Exception {
            // an H2 database that both home folders reach through its server, as PostgreSQL
            Server server = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString())
                    .start();
            try (TestTenant tenant = TestTenant.start(dir, slow())) {
                startTogether(
                        tenant,
                        dir,
                        List.of(
                                "--spring.datasource.url=jdbc:h2:tcp://127.0.0.1:" + server.getPort() + "/shared",
                                "--spring.datasource.username=sa",
                                "--spring.datasource.password="));
            } finally {
                server.stop();
            }
        }

        /**
         * Twenty times, both machines start the label's next run at once. They are two threads of this JVM,
         * whose logging Spring Boot would set up twice at once, which Logback does not survive: here the
         * commands leave logging as the tests have it.
         */
        private void startTogether(TestTenant tenant, Path dir, List<String> database) throws Exception {
            Path input = LabelledRunTests.sheet(dir.resolve("sheet.csv"), 4);
            ExecutorService machines = Executors.newFixedThreadPool(2);
            System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
            try {
                for (int attempt = 1; attempt <= TRIES; attempt++) {
                    CyclicBarrier together = new CyclicBarrier(2);
                    List<Future<Qcl.Outcome>> outcomes = new ArrayList<>();
                    for (String machine : List.of("a", "b")) {
                        outcomes.add(machines.submit(() -> {
                            together.await();
                            return nightly(tenant, dir.resolve(machine), input, database);
                        }));
                    }
                    List<Qcl.Outcome> both =
                            List.of(outcomes.get(0).get(), outcomes.get(1).get());

                    assertThat(both)
                            .as("try %d: %s", attempt, both)
                            .extracting(Qcl.Outcome::exitCode)
                            .containsExactlyInAnyOrder(0, 2);
                    Qcl.Outcome refused = both.get(0).exitCode() == 2 ? both.get(0) : both.get(1);
                    assertThat(refused.err().strip().lines())
                            .as("try %d", attempt)
                            .hasSize(1);
                    assertThat(refused.err())
                            .as("try %d", attempt)
                            .startsWith(REFUSED)
                            .contains("); wait for it to end, or give this run another --run-label");
                }
            } finally {
                System.clearProperty(LoggingSystem.SYSTEM_PROPERTY);
                machines.shutdownNow();
            }
            assertThat(tenant.sandbox().connections()).hasSize(4);
        }
    }

    @Nested
    class AHolderThatIsGone {
        @Test
        void should_let_the_label_go_when_the_holders_connection_was_dropped(@TempDir Path dir) throws Exception {
            // given: a holder of the label on the shared PostgreSQL, which refuses a run meanwhile
            Path input = LabelledRunTests.sheet(dir.resolve("sheet.csv"), 2);
            try (TestTenant tenant = TestTenant.start(dir, TestDatabase.Kind.POSTGRES)) {
                List<String> database = tenant.database().springArgs();
                assertThat(nightly(tenant, dir.resolve("a"), input, database).exitCode())
                        .isZero();
                DriverManagerDataSource connections = new DriverManagerDataSource(
                        tenant.database().url(),
                        System.getenv(TestDatabase.USER_VARIABLE),
                        System.getenv(TestDatabase.PASSWORD_VARIABLE));
                SeriesLock holder = SeriesLock.take(connections, "nightly", false, "run", Clock.systemUTC());
                Qcl.Outcome refused = nightly(tenant, dir.resolve("b"), input, database);
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).startsWith(REFUSED);

                // when: its session ends without a word (a killed process, a dropped connection)
                terminateAdvisoryLockHolders(tenant.database());
                Qcl.Outcome next = nightly(tenant, dir.resolve("b"), input, database);

                // then
                assertThat(next.exitCode()).as(next.err()).isZero();
                assertThat(next.lastLine()).startsWith("Run 2 COMPLETED");
                holder.close();
            }
        }
    }

    private static Qcl.Outcome nightly(TestTenant tenant, Path home, Path input, List<String> database) {
        List<String> args = new ArrayList<>(Arrays.asList(
                "run",
                "--input",
                input.toString(),
                "--run-label=nightly",
                "--concurrency",
                "1",
                "--rate-limit",
                "60000"));
        args.addAll(database);
        return Qcl.against(tenant.sandbox().url(), tenant.keyFile(), home, args.toArray(String[]::new));
    }

    /** Every answer takes a while, so that the run that goes is still going when the other asks. */
    /**
     * Slow enough that the first run still holds the label when the second asks for it: the two start their
     * contexts at once in one JVM, which on a loaded machine can put a second between them.
     */
    private static SandboxSettings slow() {
        return SandboxSettings.defaults().withLatency(Duration.ofMillis(800));
    }

    private static void terminateAdvisoryLockHolders(TestDatabase database) throws SQLException {
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_locks"
                        + " WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database"
                        + " WHERE datname = current_database())")) {
            assertThat(rs.next()).as("a session held the advisory lock").isTrue();
        }
    }
}

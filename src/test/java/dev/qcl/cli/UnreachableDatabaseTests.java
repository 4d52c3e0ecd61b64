package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.job.RerunFailedTests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A job database that cannot be reached before the command begins (PostgreSQL down, a wrong port):
 * one line naming the database and its URL, without user or password, and exit 2, since nothing was
 * sent (contract section 7). The servers are loopback ports that refuse or never answer.
 */
class UnreachableDatabaseTests {
    static final String FIX = "; check spring.datasource.url and that the database is running";

    @Nested
    class ARefusedPort {
        @Test
        void should_name_the_job_database_and_exit_2_when_status_cannot_connect(@TempDir Path dir) throws IOException {
            // given
            int port = freePort();
            String url = "jdbc:postgresql://127.0.0.1:" + port + "/qcl";

            // when
            Qcl.Outcome status = Qcl.run(
                    "status",
                    "--home",
                    dir.toString(),
                    "--spring.datasource.url=" + url,
                    "--spring.datasource.username=qcl",
                    "--spring.datasource.password=pw-Zq81");

            // then
            assertThat(status.exitCode()).isEqualTo(2);
            assertThat(status.err().strip())
                    .isEqualTo("qcl: cannot reach the job database at " + url + " (Connection refused)" + FIX);
        }

        @Test
        void should_send_nothing_and_exit_2_when_a_run_cannot_connect(@TempDir Path dir) throws IOException {
            // given
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "pg", 3, "Finance")
                    .write(dir.resolve("in.csv"));
            int port = freePort();
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome run = tenant.qcl(
                        "run",
                        "--input",
                        input.toString(),
                        "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port + "/qcl");

                // then
                assertThat(run.exitCode()).isEqualTo(2);
                assertThat(run.err().strip().lines()).hasSize(1);
                assertThat(run.err())
                        .startsWith(
                                "qcl: cannot reach the job database at jdbc:postgresql://127.0.0.1:" + port + "/qcl");
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }

        @Test
        void should_show_no_user_or_password_of_the_url_or_the_settings(@TempDir Path dir) throws IOException {
            // given: credentials in the URL's user info, in its query and in the password setting
            int port = freePort();

            // when
            Qcl.Outcome status = Qcl.run(
                    "status",
                    "--home",
                    dir.toString(),
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + port
                            + "/qcl?user=qcl&password=pw-Zq81&ssl=false",
                    "--spring.datasource.password=pw-Zq81");

            // then
            assertThat(status.exitCode()).isEqualTo(2);
            assertThat(status.err())
                    .contains("the job database at jdbc:postgresql://127.0.0.1:" + port + "/qcl (")
                    .doesNotContain("pw-Zq81")
                    .doesNotContain("user=");
        }

        @Test
        void should_not_show_the_user_info_that_the_driver_takes_for_a_host(@TempDir Path dir) {
            // when: user:password@ is no part of a PostgreSQL JDBC URL; the driver reads it as the host
            Qcl.Outcome status = Qcl.run(
                    "status",
                    "--home",
                    dir.toString(),
                    "--spring.datasource.url=jdbc:postgresql://qcl:pw-Zq81@127.0.0.1:5432/qcl");

            // then
            assertThat(status.exitCode()).isEqualTo(2);
            assertThat(status.err().strip())
                    .isEqualTo("qcl: cannot reach the job database at jdbc:postgresql://127.0.0.1:5432/qcl"
                            + " (unknown host)" + FIX);
        }
    }

    @Nested
    class APortThatNeverAnswers {
        @Test
        void should_give_up_after_the_login_timeout_and_name_the_job_database(@TempDir Path dir) throws IOException {
            // given: a port that takes connections and never says a word
            try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
                String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/qcl";

                // when
                Qcl.Outcome status = Qcl.run(
                        "status",
                        "--home",
                        dir.toString(),
                        "--spring.datasource.url=" + url,
                        "--" + PostgresLoginTimeout.PROPERTY + "=1");

                // then
                assertThat(status.exitCode()).isEqualTo(2);
                assertThat(status.err().strip())
                        .isEqualTo("qcl: cannot reach the job database at " + url + " (Connection attempt timed out.)"
                                + FIX);
            }
        }

        @Test
        void should_bound_the_postgresql_login_unless_it_is_set() {
            StandardEnvironment postgres = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/qcl"));
            StandardEnvironment chosen = environment(
                    Map.of("spring.datasource.url", "jdbc:postgresql://db/qcl", PostgresLoginTimeout.PROPERTY, "60"));
            StandardEnvironment h2 = environment(Map.of("spring.datasource.url", "jdbc:h2:file:/tmp/qcl"));

            PostgresLoginTimeout.addDefault(postgres);
            PostgresLoginTimeout.addDefault(chosen);
            PostgresLoginTimeout.addDefault(h2);

            assertThat(postgres.getProperty(PostgresLoginTimeout.PROPERTY)).isEqualTo("10");
            assertThat(chosen.getProperty(PostgresLoginTimeout.PROPERTY)).isEqualTo("60");
            assertThat(h2.containsProperty(PostgresLoginTimeout.PROPERTY)).isFalse();
        }

        private static StandardEnvironment environment(Map<String, Object> properties) {
            StandardEnvironment environment = new StandardEnvironment();
            environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
            return environment;
        }
    }

    @Nested
    class ARefusedLogin {
        @Test
        void should_name_the_job_database_and_the_settings_to_check_when_the_password_is_wrong(@TempDir Path dir) {
            // given
            try (TestDatabase postgres = TestDatabase.postgres()) {
                // when
                Qcl.Outcome status = Qcl.run(
                        "status",
                        "--home",
                        dir.toString(),
                        "--spring.datasource.url=" + postgres.url(),
                        "--spring.datasource.username=" + System.getenv(TestDatabase.USER_VARIABLE),
                        "--spring.datasource.password=wrong-Zq81");

                // then
                assertThat(status.exitCode()).isEqualTo(2);
                assertThat(status.err().strip())
                        .startsWith("qcl: the job database at " + postgres.url() + " refused the login (")
                        .endsWith("); check spring.datasource.username and spring.datasource.password")
                        .doesNotContain("wrong-Zq81");
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

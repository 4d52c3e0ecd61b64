package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A managed PostgreSQL that ends sessions idle in a transaction for more than a second, and
 * a tenant slow enough that a chunk's HTTP calls take several seconds: the chunk's transaction holds
 * no connection while they run, so the run completes. Skipped without a configured PostgreSQL.
 */
class IdleTransactionOnPostgresTests {

    @Test
    void should_complete_a_run_whose_chunks_outlast_the_idle_session_timeouts(@TempDir Path dir) throws SQLException {
        // given: 6 rows in chunks of 3, one sender (so rows are sent in the chunk's own thread), 1.2 s
        // per answer; the password column makes qcl store a fingerprint after each create
        Path input = Sheets.with(
                        java.util.List.of("qName", "dataSourceId", "spaceName", "host", "port", "database", "password"))
                .row("idle-1", "postgres", "Finance", "db1.example.com", "5432", "sales", "pw-1")
                .row("idle-2", "postgres", "Finance", "db2.example.com", "5432", "sales", "pw-2")
                .row("idle-3", "postgres", "Finance", "db3.example.com", "5432", "sales", "pw-3")
                .row("idle-4", "postgres", "Finance", "db4.example.com", "5432", "sales", "pw-4")
                .row("idle-5", "postgres", "Finance", "db5.example.com", "5432", "sales", "pw-5")
                .row("idle-6", "postgres", "Finance", "db6.example.com", "5432", "sales", "pw-6")
                .write(dir.resolve("idle.csv"));
        SandboxSettings slow = SandboxSettings.defaults().withLatency(Duration.ofMillis(1200));
        try (TestTenant tenant = TestTenant.start(dir, slow, TestDatabase.Kind.POSTGRES)) {
            try (Connection c = tenant.database().connect();
                    Statement statement = c.createStatement()) {
                ResultSet rs = statement.executeQuery("SELECT current_database()");
                rs.next();
                String name = rs.getString(1);
                statement.execute("ALTER DATABASE " + name + " SET idle_in_transaction_session_timeout = '1s'");
            }

            // when
            Qcl.Outcome run = tenant.qclUnpaced(
                    "run", "--input", input.toString(), "--concurrency", "1", "--qcl.job.chunk-size=3");

            // then
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.lastLine()).startsWith("Run 1 COMPLETED").contains("6 CREATED");
            assertThat(ResultsTable.read(tenant.database()))
                    .extracting(ResultsTable.Row::status)
                    .hasSize(6)
                    .containsOnly("CREATED");
        }
    }
}

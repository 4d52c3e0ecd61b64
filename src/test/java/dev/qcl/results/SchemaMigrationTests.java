package dev.qcl.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.job.RerunFailedTests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;

/**
 * qcl's own tables are made and upgraded by Flyway. A job repository made before migrations (the
 * same tables, created by the code itself, and no schema history) is upgraded in place: its runs and
 * results still read, and the later versions apply.
 */
class SchemaMigrationTests {

    @OnEachDatabase
    void should_upgrade_a_job_repository_made_before_migrations_and_keep_its_runs(
            TestDatabase.Kind db, @TempDir Path dir) throws SQLException, IOException {
        // given: a run recorded by qcl, then the database put back as qcl 0.1 left it: no schema
        // history, no table of a later version, every result one row of QCL_ROW_RESULT
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "old", 3, "Finance")
                .write(dir.resolve("old.csv"));
        Path next = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "new", 2, "Finance")
                .write(dir.resolve("new.csv"));
        try (TestTenant tenant = TestTenant.start(dir, db)) {
            assertThat(tenant.qclUnpaced("run", "--input", input.toString()).exitCode())
                    .isZero();
            List<ResultsTable.Row> recorded = ResultsTable.ofRun(tenant.database(), 1);
            try (Connection c = tenant.database().connect();
                    Statement statement = c.createStatement()) {
                statement.execute("DROP TABLE " + history(tenant.database()));
                statement.execute("DROP TABLE QCL_ROW_WRITE");
                statement.execute("DROP TABLE QCL_RESULT_BLOCK");
                statement.execute("DROP TABLE QCL_HTTP_COUNT");
                statement.execute("DROP TABLE QCL_RUN_SERIES_LOCK");
                statement.execute("DROP TABLE QCL_RUN_SERIES");
                statement.execute("DELETE FROM QCL_ROW_RESULT");
                // qcl 0.1 had no tenants (V5)
                statement.execute("ALTER TABLE QCL_ROW_RESULT DROP COLUMN TENANT");
                for (ResultsTable.Row row : recorded) {
                    statement.execute("INSERT INTO QCL_ROW_RESULT VALUES (1, " + row.row() + ", '" + row.qName()
                            + "', '" + row.space() + "', 'postgres', '" + row.status() + "', '" + row.connectionId()
                            + "', " + row.http() + ", " + row.attempts() + ", '" + row.message() + "')");
                }
                // as qcl 0.1 fingerprinted secrets: a salt in the database, salted fingerprints
                statement.execute(
                        "INSERT INTO QCL_SETTING (NAME, SETTING_VALUE) VALUES ('fingerprint-salt', 'old-salt')");
                statement.execute("INSERT INTO QCL_SECRET_FINGERPRINT (CONNECTION_ID, PROPERTY, FINGERPRINT) "
                        + "VALUES ('c-1', 'password', '" + "a".repeat(64) + "')");
            }
            assertThat(tables(tenant.database()))
                    .doesNotContain("QCL_ROW_WRITE", "QCL_RESULT_BLOCK", "QCL_HTTP_COUNT", "QCL_RUN_SERIES");

            // when
            Qcl.Outcome status = tenant.qcl("status", "--run", "1");
            Qcl.Outcome run = tenant.qclUnpaced("run", "--input", next.toString());

            // then
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(status.out()).contains("Run 1: COMPLETED").containsPattern("CREATED\\s+3");
            assertThat(appliedVersions(tenant.database())).containsExactly("0", "1", "2", "3", "4", "5", "6", "7");
            assertThat(tables(tenant.database()))
                    .contains(
                            "QCL_ROW_WRITE",
                            "QCL_RESULT_BLOCK",
                            "QCL_HTTP_COUNT",
                            "QCL_RUN_SERIES_LOCK",
                            "QCL_RUN_SERIES");
            assertThat(count(tenant.database(), "SELECT COUNT(*) FROM QCL_SETTING WHERE NAME = 'fingerprint-salt'"))
                    .isZero();
            assertThat(count(tenant.database(), "SELECT COUNT(*) FROM QCL_SECRET_FINGERPRINT"))
                    .isZero();
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.lastLine()).startsWith("Run 2 COMPLETED").contains("2 CREATED");
            assertThat(ResultsTable.ofRun(tenant.database(), 1)).containsExactlyElementsOf(recorded);
            assertThat(recorded).extracting(ResultsTable.Row::qName).containsExactly("old-1", "old-2", "old-3");
            Qcl.Outcome report = tenant.qcl(
                    "report", "--run", "1", "--out", dir.resolve("report-1").toString());
            assertThat(report.exitCode()).as(report.err()).isZero();
            assertThat(Files.readAllLines(dir.resolve("report-1/results.csv")))
                    .hasSize(4)
                    .element(1)
                    .asString()
                    .startsWith("2,old-1,");
        }
    }

    @OnEachDatabase
    void should_make_every_table_of_a_new_job_repository_and_record_each_version(
            TestDatabase.Kind db, @TempDir Path dir) throws SQLException {
        // given
        try (TestTenant tenant = TestTenant.start(dir, db)) {
            // when
            Qcl.Outcome status = tenant.qcl("status");

            // then
            assertThat(status.exitCode()).as(status.err()).isZero();
            assertThat(appliedVersions(tenant.database())).endsWith("1", "2", "3", "4", "5", "6", "7");
            assertThat(tables(tenant.database()))
                    .contains(
                            "QCL_ROW_RESULT",
                            "QCL_RUN_SAMPLE",
                            "QCL_SECRET_FINGERPRINT",
                            "QCL_SETTING",
                            "QCL_ROW_WRITE",
                            "QCL_RESULT_BLOCK",
                            "QCL_HTTP_COUNT",
                            "QCL_RUN_SERIES_LOCK",
                            "QCL_RUN_SERIES");
        }
    }

    private static String history(TestDatabase database) {
        return database.kind() == TestDatabase.Kind.H2 ? "\"qcl_schema_history\"" : "qcl_schema_history";
    }

    private static List<String> appliedVersions(TestDatabase database) throws SQLException {
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery("SELECT \"version\" FROM " + history(database)
                        // a row without a version is Flyway's note that it created the schema, not a migration
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
            List<String> versions = new ArrayList<>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return versions;
        }
    }

    private static List<String> tables(TestDatabase database) throws SQLException {
        try (Connection c = database.connect();
                ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toUpperCase(java.util.Locale.ROOT));
            }
            return names;
        }
    }

    private static long count(TestDatabase database, String sql) throws SQLException {
        try (Connection c = database.connect();
                Statement statement = c.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

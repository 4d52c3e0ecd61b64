package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** H2 gathers the commits of a dry run only; a run that writes to the tenant has every commit in the file at once. */
class DryRunDatabaseTests {
    private static final String SHEET = """
            qName,dataSourceId,spaceName,host,database
            pg-1,postgres,Finance,h1,d1
            """;

    private static String writeDelay(Path home) throws SQLException {
        // opened without a WRITE_DELAY of its own: the value the last command left in the database
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("db/qcl"), "sa", "");
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery(
                                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    void should_let_h2_gather_the_commits_of_validate_but_not_of_run(@TempDir Path dir)
            throws IOException, SQLException {
        Path input = Files.writeString(dir.resolve("in.csv"), SHEET);
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            Qcl.Outcome validated = tenant.qcl("validate", "--input", input.toString());
            String afterValidate = writeDelay(tenant.home());
            Qcl.Outcome ran = tenant.qcl("run", "--input", input.toString());
            String afterRun = writeDelay(tenant.home());

            // then
            assertThat(validated.exitCode()).as(validated.err()).isZero();
            assertThat(ran.exitCode()).as(ran.err()).isZero();
            assertThat(afterValidate).isEqualTo("500");
            assertThat(afterRun).isEqualTo("0");
        }
    }
}

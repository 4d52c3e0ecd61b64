package dev.qcl.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report folder as a user opens it: results.csv safe in a spreadsheet, failed.csv fit to feed back. */
class ReportFilesTests {

    @Test
    void should_neutralise_formula_cells_in_results_csv_but_echo_the_input_cells_in_failed_csv(@TempDir Path dir)
            throws IOException {
        // given: names a spreadsheet would run as formulas
        Path input = Files.writeString(dir.resolve("in.csv"), """
                qName,dataSourceId,spaceName,host,database
                "=HYPERLINK(""http://evil.example"")",postgres,Finance,h1,d1
                @SUM(1),postgres,Finance,h2,
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            tenant.qcl("run", "--input", input.toString());

            // then
            Path report = tenant.home().resolve("reports/run-1");
            List<String> results = Files.readAllLines(report.resolve("results.csv"));
            assertThat(results.get(0))
                    .isEqualTo("row,qName,space,dataSourceId,status,connectionId,httpStatus,attempts,message");
            assertThat(results.get(1)).startsWith("2,\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
            assertThat(results.get(2)).startsWith("3,'@SUM(1),");
            assertThat(Files.readAllLines(report.resolve("failed.csv")))
                    .containsExactly(
                            "qName,dataSourceId,spaceName,host,database,# error",
                            "@SUM(1),postgres,Finance,h2,,column 'database' is required by postgres but empty; fill it in");
        }
    }

    @Test
    void should_echo_the_input_cells_in_failed_csv_when_a_cell_holds_hundreds_of_line_breaks(@TempDir Path dir)
            throws IOException {
        // given: a problem row with a quoted cell of 700 CRLF line breaks (the byte scan leaves such a file
        // to the exact reader) and a plain problem row after it
        String lines = "line\r\n".repeat(700);
        Path input = Files.writeString(
                dir.resolve("in.csv"),
                "qName,dataSourceId,spaceName,host,database\r\n"
                        + "pg-1,postgres,Finance,\"" + lines + "\",\r\n"
                        + "pg-2,postgres,Finance,h2,d2\r\n"
                        + "pg-3,postgres,Finance,h3,\r\n");
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            tenant.qcl("validate", "--input", input.toString());

            // then
            Path failed = tenant.home().resolve("reports/run-1/failed.csv");
            assertThat(Files.readString(failed))
                    .isEqualTo(
                            "qName,dataSourceId,spaceName,host,database,# error\n"
                                    + "pg-1,postgres,Finance,\"" + lines.replace("\r\n", "\n")
                                    + "\",,column 'database' is required by postgres but empty; fill it in\n"
                                    + "pg-3,postgres,Finance,h3,,column 'database' is required by postgres but empty; fill it in\n");
        }
    }

    @Test
    void should_write_no_failed_csv_when_the_input_was_emptied_or_changed_since_the_run(@TempDir Path dir)
            throws IOException {
        // given: a run with an invalid row, then its input emptied, and then changed in one cell
        Path input = Files.writeString(dir.resolve("in.csv"), """
                qName,dataSourceId,spaceName,host,database
                pg-1,postgres,Finance,h1,
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            tenant.qcl("validate", "--input", input.toString());
            Path failed = tenant.home().resolve("reports/run-1/failed.csv");
            assertThat(failed).exists();

            // when
            Files.writeString(input, "");
            Qcl.Outcome emptied = tenant.qcl("report", "--run", "1");
            boolean failedAfterEmptied = Files.exists(failed);
            Files.writeString(input, "qName,dataSourceId,spaceName,host,database\npg-1,postgres,Finance,h2,\n");
            Qcl.Outcome changed = tenant.qcl("report", "--run", "1");

            // then
            assertThat(emptied.exitCode()).as(emptied.err()).isZero();
            assertThat(failedAfterEmptied).isFalse();
            assertThat(changed.exitCode()).as(changed.err()).isZero();
            assertThat(failed).doesNotExist();
            assertThat(tenant.home().resolve("reports/run-1/results.csv")).exists();
        }
    }

    @Test
    void should_take_failed_csv_as_input_once_its_rows_are_fixed(@TempDir Path dir) throws IOException {
        // given: a run with one invalid row
        Path input = Files.writeString(dir.resolve("in.csv"), """
                qName,dataSourceId,spaceName,host,database
                pg-1,postgres,Finance,h1,d1
                pg-2,postgres,Finance,h2,
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            tenant.qcl("run", "--input", input.toString());
            Path failed = tenant.home().resolve("reports/run-1/failed.csv");
            Path fixed = Files.writeString(
                    dir.resolve("fixed.csv"), Files.readString(failed).replace("h2,,", "h2,d2,"));

            // when
            Qcl.Outcome outcome = tenant.qcl("run", "--input", fixed.toString());

            // then
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.lastLine()).contains("1 CREATED").contains("(1 rows)");
            assertThat(tenant.sandbox().connectionsNamed("pg-2")).hasSize(1);
        }
    }

    @Test
    void should_warn_when_the_api_key_file_is_readable_by_others(@TempDir Path dir) throws IOException {
        Path input = Files.writeString(
                dir.resolve("in.csv"), "qName,dataSourceId,spaceName,host,database\npg-1,postgres,Finance,h,d\n");
        try (TestTenant tenant = TestTenant.start(dir)) {
            Files.setPosixFilePermissions(
                    tenant.keyFile(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

            tenant.qcl("validate", "--input", input.toString());

            assertThat(tenant.home().resolve("logs/qcl.log"))
                    .content()
                    .contains("is readable by other users; run: chmod 600");
        }
    }
}

package dev.qcl.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** results.csv written as the run goes is the file the stored results give, byte for byte. */
class ResultsSpoolTests {
    static final String SHEET = """
            qName,dataSourceId,spaceName,host,database
            pg-1,postgres,Finance,h1,d1
            "=HYPERLINK(""http://evil.example"")",postgres,Finance,h2,d2
            pg-3,postgres,Finance,h3,
            pg-4,postgres,Nowhere,h4,d4

            pg-6,postgres,Finance,h6,d6
            "pg-7, with a comma",postgres,Finance,h7,d7
            pg-1,postgres,Finance,h8,d8
            """;

    @Nested
    class WhenARunEnds {
        @Test
        void should_write_the_results_csv_that_the_stored_results_give_when_validating_in_small_chunks(
                @TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), SHEET);
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when: written as the chunks of 2 rows commit, then again from the database
                tenant.qcl("validate", "--input", input.toString(), "--qcl.job.dry-run-chunk-size=2");
                tenant.qcl("report", "--run", "1", "--out", dir.resolve("again").toString());

                // then
                Path spooled = tenant.home().resolve("reports/run-1/results.csv");
                assertThat(Files.readAllLines(spooled)).hasSize(8);
                assertThat(spooled).hasSameBinaryContentAs(dir.resolve("again/results.csv"));
            }
        }

        @Test
        void should_write_the_results_csv_that_the_stored_results_give_when_creating(@TempDir Path dir)
                throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), SHEET);
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.qcl("run", "--input", input.toString(), "--qcl.job.chunk-size=3");
                tenant.qcl("report", "--run", "1", "--out", dir.resolve("again").toString());

                Path spooled = tenant.home().resolve("reports/run-1/results.csv");
                assertThat(Files.readString(spooled)).contains(",CREATED,").contains(",INVALID,");
                assertThat(spooled).hasSameBinaryContentAs(dir.resolve("again/results.csv"));
            }
        }

        @Test
        void should_leave_no_spool_file_beside_the_reports(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), SHEET);
            Path reports = dir.resolve("my-report");
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.qcl("validate", "--input", input.toString(), "--report-dir", reports.toString());
                tenant.qcl("validate", "--input", input.toString());

                try (Stream<Path> own = Files.list(reports);
                        Stream<Path> home = Files.list(tenant.home().resolve("reports"))) {
                    assertThat(own.map(p -> p.getFileName().toString()))
                            .containsExactlyInAnyOrder("results.csv", "failed.csv", "summary.json", "report.html");
                    assertThat(home.map(p -> p.getFileName().toString())).containsExactly("run-2");
                }
            }
        }
    }
}

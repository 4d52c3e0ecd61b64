package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** {@code qcl rerun-failed}: a new run over only the FAILED and INVALID rows of an earlier run. */
public class RerunFailedTests {
    public static final List<String> HEADER = List.of("qName", "dataSourceId", "spaceName", "host", "port", "database");

    /** {@code count} postgres rows named {@code prefix-1..n} into {@code spaceName}. */
    public static Sheets sheet(Sheets sheet, String prefix, int count, String spaceName) {
        for (int i = 1; i <= count; i++) {
            sheet.row(prefix + "-" + i, "postgres", spaceName, "db" + i + ".example.com", "5432", "sales");
        }
        return sheet;
    }

    static long lastRunId(TestTenant tenant) {
        return tenant.results().stream()
                .mapToLong(ResultsTable.Row::runId)
                .max()
                .orElseThrow();
    }

    @Nested
    class FromTheOriginalInput {
        @OnEachDatabase
        void should_create_exactly_the_invalid_rows_when_their_space_exists_now(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = sheet(Sheets.with(HEADER), "treasury", 10, "Treasury").write(dir.resolve("treasury.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString());
                assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
                long firstRun = lastRunId(tenant);
                assertThat(ResultsTable.ofRun(tenant.database(), firstRun))
                        .extracting(ResultsTable.Row::status)
                        .hasSize(10)
                        .containsOnly("INVALID");
                tenant.sandbox().addSpace("Treasury", "shared");

                // when
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed");

                // then
                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(tenant.sandbox().createRequests()).isEqualTo(10);
                long rerunId = lastRunId(tenant);
                assertThat(rerunId).isNotEqualTo(firstRun);
                assertThat(ResultsTable.ofRun(tenant.database(), rerunId))
                        .extracting(ResultsTable.Row::row, ResultsTable.Row::status)
                        .containsExactlyElementsOf(rowsWithStatus(2, 11, "CREATED"));
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .hasSize(10);
                assertThat(rerun.lastLine())
                        .startsWith("Run " + rerunId + " (rerun of run " + firstRun + ") COMPLETED")
                        .contains("10 CREATED");
            }
        }

        @OnEachDatabase
        void should_say_so_and_exit_2_when_the_latest_run_has_nothing_failed(TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = sheet(Sheets.with(HEADER), "fin", 3, "Finance").write(dir.resolve("fin.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                assertThat(tenant.qclUnpaced("run", "--input", input.toString()).exitCode())
                        .isZero();
                long writes = tenant.sandbox().writeRequests();

                // when
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed");

                // then
                assertThat(rerun.exitCode()).isEqualTo(2);
                assertThat(rerun.err()).contains("nothing to rerun");
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(writes);
                assertThat(tenant.results()).extracting(ResultsTable.Row::runId).containsOnly(1L);
            }
        }
    }

    @Nested
    class FromACorrectedCopy {
        @OnEachDatabase
        void should_take_the_failed_rows_by_qname_from_the_corrected_copy(TestDatabase.Kind db, @TempDir Path dir) {
            // given: two good rows, ten with a misspelt space
            Sheets original = sheet(Sheets.with(HEADER), "ok", 2, "Finance");
            Path input = sheet(original, "treasury", 10, "Tresury").write(dir.resolve("original.csv"));
            // the corrected copy: the ten fixed, in another order, and the two good rows again
            Sheets fixed = sheet(Sheets.with(HEADER), "treasury", 10, "Treasury");
            Path corrected = sheet(fixed, "ok", 2, "Finance").write(dir.resolve("corrected.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                tenant.sandbox().addSpace("Treasury", "shared");
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString());
                assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
                long firstRun = lastRunId(tenant);

                // when
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed", "--input", corrected.toString());

                // then
                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(tenant.sandbox().createRequests()).isEqualTo(12);
                long rerunId = lastRunId(tenant);
                assertThat(ResultsTable.ofRun(tenant.database(), rerunId))
                        .extracting(ResultsTable.Row::row, ResultsTable.Row::status)
                        .containsExactlyElementsOf(rowsWithStatus(2, 11, "CREATED"));
                assertThat(ResultsTable.ofRun(tenant.database(), rerunId))
                        .extracting(ResultsTable.Row::qName)
                        .allMatch(name -> name.startsWith("treasury-"));
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .hasSize(12);
                assertThat(rerun.lastLine()).contains("(rerun of run " + firstRun + ")");
            }
        }
    }

    static List<Tuple> rowsWithStatus(int fromRow, int toRow, String status) {
        return IntStream.rangeClosed(fromRow, toRow)
                .mapToObj(row -> Tuple.tuple(row, status))
                .toList();
    }
}

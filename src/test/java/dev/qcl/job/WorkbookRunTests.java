package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.TestWorkbook;
import dev.qcl.TestWorkbook.Formula;
import dev.qcl.sandbox.StoredConnection;
import dev.qcl.workbook.SheetRow;
import dev.qcl.workbook.SheetRows;
import dev.qcl.workbook.Workbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs of an Excel workbook: the same job as for a CSV, its cells as a user reads them (contract section 11). */
class WorkbookRunTests {
    static final List<String> HEADER = RerunFailedTests.HEADER; // qName, dataSourceId, spaceName, host, port, database

    /** {@code count} postgres rows as a user types them in Excel: the port a number. */
    static TestWorkbook rows(TestWorkbook workbook, String prefix, int count, String spaceName) {
        for (int i = 1; i <= count; i++) {
            workbook.row(prefix + "-" + i, "postgres", spaceName, "db" + i + ".example.com", 5432, "sales");
        }
        return workbook;
    }

    static List<SheetRow> read(Path file) {
        List<SheetRow> rows = new ArrayList<>();
        try (Workbook workbook = Workbook.open(file);
                SheetRows sheet = workbook.rows(null)) {
            for (SheetRow row = sheet.next(); row != null; row = sheet.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static Path report(TestTenant tenant, long runId) {
        return tenant.home().resolve("reports").resolve("run-" + runId);
    }

    @Nested
    class Rows {
        @OnEachDatabase
        void should_create_every_row_with_the_numbers_and_formulas_as_excel_shows_them(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: typed cells, a formula for a host, a merged data source column, a blank row
            TestWorkbook workbook = TestWorkbook.sheet("Connections").row(HEADER.toArray());
            rows(workbook, "fin", 3, "Finance")
                    .blankRow()
                    .row("fin-4", "postgres", "Finance", new Formula("\"db\"&E6&\".example.com\""), 6543, "sales")
                    .row("fin-5", "", "Finance", "db5.example.com", 5432, "sales")
                    .merge("B6:B7");
            Path input = workbook.write(dir.resolve("connections.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                // when
                Qcl.Outcome run = tenant.qclUnpaced("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::row, ResultsTable.Row::status)
                        .containsExactly(
                                Tuple.tuple(2, "CREATED"),
                                Tuple.tuple(3, "CREATED"),
                                Tuple.tuple(4, "CREATED"),
                                Tuple.tuple(6, "CREATED"),
                                Tuple.tuple(7, "CREATED"));
                StoredConnection four =
                        tenant.sandbox().connectionsNamed("fin-4").get(0);
                assertThat(four.properties()).containsEntry("host", "db6543.example.com");
                assertThat(four.properties().get("port")).hasToString("6543");
                assertThat(tenant.sandbox().connectionsNamed("fin-5").get(0).dataSourceId())
                        .isEqualTo("postgres");
                assertThat(run.lastLine()).contains("5 CREATED");
            }
        }

        @Test
        void should_make_rows_invalid_naming_the_cell_and_write_failed_xlsx_that_loads_back(@TempDir Path dir)
                throws IOException {
            // given: an error value, a formula never calculated is not possible with the writer, a wrong port, a
            // duplicate
            TestWorkbook workbook = TestWorkbook.sheet("Connections").row(HEADER.toArray());
            rows(workbook, "ok", 2, "Finance")
                    .row("na", "postgres", "Finance", "db.example.com", new TestWorkbook.Error(FormulaError.NA), "s")
                    .row("text-port", "postgres", "Finance", "db.example.com", "fifty", "s")
                    .row("ok-1", "postgres", "Finance", "db9.example.com", 5432, "sales")
                    .row("stray", "postgres", "Finance", "db.example.com", 5432, "sales", "oops");
            Path input = workbook.write(dir.resolve("book.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome run = tenant.qclUnpaced("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
                assertThat(tenant.results())
                        .filteredOn(r -> r.status().equals("INVALID"))
                        .extracting(ResultsTable.Row::row, ResultsTable.Row::message)
                        .containsExactly(
                                Tuple.tuple(4, "column 'port' (cell E4) holds the error #N/A"),
                                Tuple.tuple(5, tenant.results().get(3).message()),
                                Tuple.tuple(
                                        6, "cell A6: duplicate of row 2 (same qName and space); remove one of them"),
                                Tuple.tuple(
                                        7,
                                        "cell G7 holds a value right of the header's last column (F); give its"
                                                + " column a header (a comment column starts with #), or clear the cell"));
                assertThat(tenant.results().get(3).message()).startsWith("column 'port' (cell E5): ");
                Path report = report(tenant, RerunFailedTests.lastRunId(tenant));
                assertThat(report.resolve("failed.csv")).doesNotExist();
                assertThat(read(report.resolve("failed.xlsx")))
                        .extracting(SheetRow::number, SheetRow::cells)
                        .containsExactly(
                                Tuple.tuple(
                                        1,
                                        List.of(
                                                "qName",
                                                "dataSourceId",
                                                "spaceName",
                                                "host",
                                                "port",
                                                "database",
                                                "# error")),
                                Tuple.tuple(
                                        2,
                                        List.of(
                                                "na",
                                                "postgres",
                                                "Finance",
                                                "db.example.com",
                                                "#N/A",
                                                "s",
                                                "column 'port' (cell E4) holds the error #N/A")),
                                Tuple.tuple(
                                        3,
                                        List.of(
                                                "text-port",
                                                "postgres",
                                                "Finance",
                                                "db.example.com",
                                                "fifty",
                                                "s",
                                                tenant.results().get(3).message())),
                                Tuple.tuple(
                                        4,
                                        List.of(
                                                "ok-1",
                                                "postgres",
                                                "Finance",
                                                "db9.example.com",
                                                "5432",
                                                "sales",
                                                tenant.results().get(4).message())),
                                Tuple.tuple(
                                        5,
                                        List.of(
                                                "stray",
                                                "postgres",
                                                "Finance",
                                                "db.example.com",
                                                "5432",
                                                "sales",
                                                "oops",
                                                tenant.results().get(5).message())));
                assertThat(Files.readString(report.resolve("report.html"))).contains("href=\"failed.xlsx\"");
            }
        }

        @Test
        void should_rerun_the_failed_rows_from_a_corrected_failed_xlsx(@TempDir Path dir) {
            // given: a run with two rows into a space that does not exist yet
            TestWorkbook workbook = TestWorkbook.sheet("Connections").row(HEADER.toArray());
            rows(workbook, "ok", 2, "Finance");
            Path input = rows(workbook, "treasury", 2, "Tresury").write(dir.resolve("book.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                assertThat(tenant.qclUnpaced("run", "--input", input.toString()).exitCode())
                        .isEqualTo(1);
                long firstRun = RerunFailedTests.lastRunId(tenant);
                List<SheetRow> failed = read(report(tenant, firstRun).resolve("failed.xlsx"));
                assertThat(failed).hasSize(3);
                // the user fixes the space in failed.xlsx and saves it
                TestWorkbook fixed = TestWorkbook.sheet("Connections")
                        .row(failed.get(0).cells().toArray());
                for (SheetRow row : failed.subList(1, failed.size())) {
                    List<String> cells = new ArrayList<>(row.cells());
                    cells.set(2, "Treasury");
                    fixed.row(cells.toArray());
                }
                Path corrected = fixed.write(dir.resolve("fixed.xlsx"));
                tenant.sandbox().addSpace("Treasury", "shared");

                // when
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed", "--input", corrected.toString());

                // then
                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(rerun.lastLine())
                        .contains("(rerun of run " + firstRun + ")")
                        .contains("2 CREATED");
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("ok-1", "ok-2", "treasury-1", "treasury-2");
            }
        }
    }

    @Nested
    class Sheets {
        @Test
        void should_read_the_sheet_named_by_sheet_and_refuse_an_unknown_one_listing_the_sheets(@TempDir Path dir) {
            // given
            TestWorkbook workbook = TestWorkbook.sheet("Prod").row(HEADER.toArray());
            rows(workbook, "prod", 2, "Finance").andSheet("Test").row(HEADER.toArray());
            Path input = rows(workbook, "test", 3, "Finance").write(dir.resolve("book.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome unknown = tenant.qclUnpaced("run", "--input", input.toString(), "--sheet", "Staging");
                Qcl.Outcome test = tenant.qclUnpaced("run", "--input", input.toString(), "--sheet", "Test");

                // then
                assertThat(unknown.exitCode()).isEqualTo(2);
                assertThat(unknown.err())
                        .contains("has no sheet named 'Staging'; its sheets are 'Prod', 'Test'")
                        .doesNotContain("Exception");
                assertThat(test.exitCode()).as(test.err()).isZero();
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("test-1", "test-2", "test-3");
            }
        }

        @Test
        void should_refuse_an_xls_file_and_a_sheet_of_a_csv_with_exit_2_and_send_nothing(@TempDir Path dir)
                throws IOException {
            // given
            Path xls = dir.resolve("old.xls");
            try (HSSFWorkbook old = new HSSFWorkbook()) {
                old.createSheet("s").createRow(0).createCell(0).setCellValue("qName");
                try (var out = Files.newOutputStream(xls)) {
                    old.write(out);
                }
            }
            Path csv = RerunFailedTests.sheet(dev.qcl.Sheets.with(HEADER), "c", 1, "Finance")
                    .write(dir.resolve("c.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome refused = tenant.qclUnpaced("validate", "--input", xls.toString());
                Qcl.Outcome sheetOfCsv = tenant.qclUnpaced("run", "--input", csv.toString(), "--sheet", "x");

                // then
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err().strip().lines().toList())
                        .last()
                        .asString()
                        .contains("Excel 97-2003 workbook (.xls)")
                        .contains("save it as .xlsx");
                assertThat(sheetOfCsv.exitCode()).isEqualTo(2);
                assertThat(sheetOfCsv.err()).contains("this file is a CSV");
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(tenant.results()).isEmpty();
            }
        }
    }

    @Nested
    class Restart {
        @OnEachDatabase
        void should_continue_at_the_last_committed_row_with_no_row_twice_when_a_workbook_run_is_restarted(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: 30 rows of the second sheet in chunks of 5; the 13th create is refused with a 401
            TestWorkbook workbook =
                    TestWorkbook.sheet("Other").row("qName", "dataSourceId").row("x", "postgres");
            workbook.andSheet("Connections").row(HEADER.toArray());
            Path input = rows(workbook, "conn", 30, "Finance").write(dir.resolve("thirty.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                StubMapping refusal = RestartTests.refuseTheCreateOf(tenant, "conn-13");
                Qcl.Outcome first = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--sheet", "Connections", RestartTests.CHUNK_OF_5);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                long runId = RerunFailedTests.lastRunId(tenant);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(2, 11).boxed().toList());
                tenant.sandbox().server().removeStub(refusal);

                // when
                Qcl.Outcome restart = tenant.qclUnpaced("restart", RestartTests.CHUNK_OF_5);

                // then
                assertThat(restart.exitCode()).as(restart.err()).isZero();
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows).extracting(ResultsTable.Row::runId).containsOnly(runId);
                assertThat(rows)
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(
                                IntStream.rangeClosed(2, 31).boxed().toList());
                assertThat(rows).extracting(ResultsTable.Row::status).containsOnly("CREATED");
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .hasSize(30)
                        .doesNotContain("x");
                assertThat(tenant.sandbox().createRequests()).isEqualTo(30);
                assertThat(restart.lastLine()).startsWith("Run " + runId + " COMPLETED");
            }
        }

        @Test
        void should_continue_a_label_series_on_the_same_sheet_only(@TempDir Path dir) {
            // given: two series, each with a run of sheet A of its workbook stopped by a 401
            Path input = nightly("a", dir.resolve("nightly.xlsx"));
            Path another = nightly("c", dir.resolve("another.xlsx"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                long same = stoppedRunOfSheetA(tenant, input, "same", "a-8");
                long other = stoppedRunOfSheetA(tenant, another, "other", "c-8");

                // when: the first series called again on sheet A (the default), the second on sheet B
                Qcl.Outcome sameSheet = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "same");
                Qcl.Outcome otherSheet =
                        tenant.qclUnpaced("run", "--input", another.toString(), "--run-label", "other", "--sheet", "B");

                // then
                assertThat(sameSheet.exitCode()).as(sameSheet.err()).isZero();
                assertThat(sameSheet.lastLine()).startsWith("Run " + same + " COMPLETED");
                assertThat(otherSheet.exitCode()).as(otherSheet.err()).isZero();
                assertThat(otherSheet.lastLine())
                        .doesNotStartWith("Run " + other + " ")
                        .contains("3 CREATED");
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .doesNotHaveDuplicates()
                        .contains("a-12", "c-1", "b-3");
            }
        }

        /** Sheet A: 12 rows named {@code prefix-n}; sheet B: b-1..b-3. */
        private static Path nightly(String prefix, Path file) {
            TestWorkbook workbook = TestWorkbook.sheet("A").row(HEADER.toArray());
            rows(workbook, prefix, 12, "Finance").andSheet("B").row(HEADER.toArray());
            return rows(workbook, "b", 3, "Finance").write(file);
        }

        private static long stoppedRunOfSheetA(TestTenant tenant, Path input, String label, String refused) {
            StubMapping refusal = RestartTests.refuseTheCreateOf(tenant, refused);
            Qcl.Outcome run = tenant.qclUnpaced(
                    "run", "--input", input.toString(), "--run-label", label, RestartTests.CHUNK_OF_5);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
            tenant.sandbox().server().removeStub(refusal);
            return RerunFailedTests.lastRunId(tenant);
        }
    }
}

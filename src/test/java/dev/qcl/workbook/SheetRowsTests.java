package dev.qcl.workbook;

import static dev.qcl.HandMadeWorkbook.sheet;
import static dev.qcl.HandMadeWorkbook.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.HandMadeWorkbook;
import dev.qcl.TestWorkbook;
import dev.qcl.TestWorkbook.Formatted;
import dev.qcl.TestWorkbook.Formula;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sheet's cells as a user reads them in Excel (contract section 11). */
class SheetRowsTests {
    @TempDir
    Path dir;

    static List<SheetRow> rows(Path file, String sheet) {
        List<SheetRow> rows = new ArrayList<>();
        try (Workbook workbook = Workbook.open(file);
                SheetRows sheetRows = workbook.rows(sheet)) {
            for (SheetRow row = sheetRows.next(); row != null; row = sheetRows.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private List<String> onlyRow(TestWorkbook workbook) {
        List<SheetRow> rows = rows(workbook.write(dir.resolve("book.xlsx")), null);
        assertThat(rows).hasSize(1);
        return rows.get(0).cells();
    }

    @Nested
    class Numbers {
        @Test
        void should_show_whole_numbers_without_a_decimal_point_and_decimals_at_full_precision() {
            List<String> cells = onlyRow(TestWorkbook.sheet("s")
                    .row(5432, 45.5, 0.000001, 1.23e15, -7, 0.1 + 0.2, 12345678901234567890.0, 0));

            assertThat(cells)
                    .containsExactly(
                            "5432",
                            "45.5",
                            "0.000001",
                            "1230000000000000",
                            "-7",
                            "0.30000000000000004",
                            "12345678901234567000",
                            "0");
        }

        @Test
        void should_ignore_the_number_format_of_a_number_that_is_no_date() {
            List<String> cells = onlyRow(TestWorkbook.sheet("s")
                    .row(new Formatted(1234.5, "#,##0.00"), new Formatted(0.25, "0%"), new Formatted(5, "00000")));

            assertThat(cells).containsExactly("1234.5", "0.25", "5");
        }
    }

    @Nested
    class OtherTypes {
        @Test
        void should_show_booleans_as_true_and_false_and_text_as_it_is() {
            List<String> cells =
                    onlyRow(TestWorkbook.sheet("s").row(true, false, " spaced ", "line\nbreak", "=not a formula"));

            assertThat(cells).containsExactly("true", "false", " spaced ", "line\nbreak", "=not a formula");
        }

        @Test
        void should_show_dates_and_date_times_in_iso_8601() {
            List<String> cells = onlyRow(TestWorkbook.sheet("s")
                    .row(
                            LocalDate.of(2026, 1, 2),
                            LocalDateTime.of(2026, 1, 2, 3, 4),
                            new Formatted(46024.5, "h:mm"),
                            new Formatted(46024, "m/d/yy")));

            assertThat(cells).containsExactly("2026-01-02", "2026-01-02T03:04:00", "12:00:00", "2026-01-02");
        }

        @Test
        void should_show_formulas_by_their_computed_value() {
            List<String> cells = onlyRow(TestWorkbook.sheet("s")
                    .row(21, new Formula("A1*2"), new Formula("\"db\"&A1&\".example.com\""), new Formula("A1>20")));

            assertThat(cells).containsExactly("21", "42", "db21.example.com", "true");
        }
    }

    @Nested
    class CellsWithoutAValue {
        @Test
        void should_name_an_error_value_and_keep_its_text_when_a_cell_or_a_formula_holds_one() {
            Path file = TestWorkbook.sheet("s")
                    .row("a", new TestWorkbook.Error(FormulaError.NA), new Formula("1/0"), new Formula("B1"))
                    .write(dir.resolve("errors.xlsx"));

            SheetRow row = rows(file, null).get(0);

            assertThat(row.cells()).containsExactly("a", "#N/A", "#DIV/0!", "#N/A");
            assertThat(row.problems())
                    .containsExactlyInAnyOrderEntriesOf(Map.of(
                            1, "holds the error #N/A",
                            2, "holds the error #DIV/0!",
                            3, "holds the error #N/A"));
        }

        @Test
        void should_name_a_formula_whose_value_was_never_computed() {
            Path file = HandMadeWorkbook.create()
                    .sheetXml(sheet("<row r=\"1\">" + text("A1", "x") + "<c r=\"B1\"><f>SUM(C1:C9)</f></c>"
                            + "<c r=\"C1\" t=\"str\"><f>A1</f></c><c r=\"D1\" t=\"str\"><f>A1&amp;\"\"</f><v></v></c>"
                            + "</row>"))
                    .write(dir.resolve("uncalculated.xlsx"));

            SheetRow row = rows(file, null).get(0);

            assertThat(row.cells()).containsExactly("x", "", "", "");
            assertThat(row.problems()).containsOnlyKeys(1, 2);
            assertThat(row.problems().get(1)).startsWith("is a formula without a computed value");
        }
    }

    @Nested
    class RowsAndAreas {
        @Test
        void should_keep_the_sheet_row_numbers_when_rows_are_blank() {
            Path file = TestWorkbook.sheet("s")
                    .row("header")
                    .row("two")
                    .blankRow()
                    .blankRow()
                    .row("five")
                    .write(dir.resolve("gaps.xlsx"));

            assertThat(rows(file, null)).extracting(SheetRow::number).containsExactly(1, 2, 5);
        }

        @Test
        void should_give_every_cell_of_a_merged_area_the_value_of_its_top_left_cell() {
            Path file = TestWorkbook.sheet("s")
                    .row("qName", "dataSourceId", "spaceName")
                    .row("a", "postgres", "Finance")
                    .row("b", null, null)
                    .row("c", null, "Sales")
                    .merge("B2:B4")
                    .merge("C2:C3")
                    .write(dir.resolve("merged.xlsx"));

            assertThat(rows(file, null))
                    .extracting(SheetRow::cells)
                    .containsExactly(
                            List.of("qName", "dataSourceId", "spaceName"),
                            List.of("a", "postgres", "Finance"),
                            List.of("b", "postgres", "Finance"),
                            List.of("c", "postgres", "Sales"));
        }

        @Test
        void should_not_fill_a_header_cell_merged_over_its_neighbours() {
            Path file = TestWorkbook.sheet("s")
                    .row("qName", null, "dataSourceId")
                    .row("a", "", "postgres")
                    .merge("A1:B1")
                    .write(dir.resolve("header.xlsx"));

            assertThat(rows(file, null).get(0).cells()).containsExactly("qName", "", "dataSourceId");
        }

        @Test
        void should_read_rich_text_inline_text_and_excel_escapes() {
            Path file = HandMadeWorkbook.create()
                    .sharedStrings(
                            "<sst xmlns=\"" + HandMadeWorkbook.MAIN + "\"><si><r><t>bold</t></r><r><t xml:space="
                                    + "\"preserve\"> part</t></r><rPh><t>phonetic</t></rPh></si><si><t>a_x000D_b</t></si></sst>")
                    .sheetXml(sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                            + text("C1", "in&amp;line") + "<c r=\"E1\" t=\"b\"><v>1</v></c></row>"))
                    .write(dir.resolve("texts.xlsx"));

            assertThat(rows(file, null).get(0).cells()).containsExactly("bold part", "a\rb", "in&line", "", "true");
        }
    }

    @Nested
    class Sheets {
        @Test
        void should_read_the_first_sheet_by_default_and_another_by_its_name() {
            Path file = TestWorkbook.sheet("Prod")
                    .row("prod")
                    .andSheet("Test")
                    .row("test")
                    .write(dir.resolve("two.xlsx"));

            assertThat(rows(file, null).get(0).cells()).containsExactly("prod");
            assertThat(rows(file, "Test").get(0).cells()).containsExactly("test");
        }

        @Test
        void should_list_the_sheets_when_the_named_sheet_does_not_exist() {
            Path file = TestWorkbook.sheet("Prod")
                    .row("prod")
                    .andSheet("Test")
                    .row("test")
                    .write(dir.resolve("two.xlsx"));

            assertThatThrownBy(() -> rows(file, "prod"))
                    .isInstanceOf(WorkbookException.class)
                    .hasMessage("the workbook has no sheet named 'prod'; its sheets are 'Prod', 'Test'"
                            + " (--sheet NAME, names are case sensitive)");
        }
    }
}

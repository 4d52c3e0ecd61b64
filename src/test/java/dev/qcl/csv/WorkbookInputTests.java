package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.TestWorkbook;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.FormulaError;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** A workbook's sheet behind the same checks and reader as a CSV file (contract sections 4 and 11). */
class WorkbookInputTests {
    @TempDir
    Path dir;

    private Path workbook() {
        return TestWorkbook.sheet("Connections")
                .row("qName", "dataSourceId", "port", "# note")
                .row("a", "postgres", 5432)
                .blankRow()
                .blankRow()
                .row("b", "snowflake", 443, "checked")
                .row("c", "postgres", new TestWorkbook.Error(FormulaError.REF), "", "stray")
                .andSheet("Other")
                .row("qName", "dataSourceId")
                .row("x", "rest")
                .write(dir.resolve("book.xlsx"));
    }

    @Nested
    class Inspection {
        @Test
        void should_count_the_data_rows_of_the_first_sheet_and_name_it() {
            Path file = workbook();

            InputFile inspected = InputFiles.inspect(file);

            assertThat(inspected.sheet()).isEqualTo("Connections");
            assertThat(inspected.dataRows()).isEqualTo(3);
            assertThat(inspected.header().columns()).containsExactly("qName", "dataSourceId", "port", "# note");
            assertThat(inspected.dataSourceIds()).isEqualTo(Set.of("postgres", "snowflake"));
            assertThat(inspected.sha256()).isEqualTo(InputFiles.sha256(file));
            assertThat(InputFiles.inspect(file, "Other").dataRows()).isEqualTo(1);
        }

        @Test
        void should_refuse_a_header_cell_without_a_value_a_header_of_one_cell_and_a_blank_first_row() {
            Path error = TestWorkbook.sheet("s")
                    .row("qName", new TestWorkbook.Error(FormulaError.REF))
                    .row("a", "b")
                    .write(dir.resolve("error.xlsx"));
            Path oneCell =
                    TestWorkbook.sheet("s").row("qName;dataSourceId").row("a;b").write(dir.resolve("one.xlsx"));
            Path blank = TestWorkbook.sheet("s")
                    .blankRow()
                    .row("qName", "dataSourceId")
                    .row("a", "b")
                    .write(dir.resolve("blank.xlsx"));

            assertThatThrownBy(() -> InputFiles.inspect(error))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageEndingWith("the header cell B1 holds the error #REF!; type the column name");
            assertThatThrownBy(() -> InputFiles.inspect(oneCell)).hasMessageContaining("Text to Columns");
            assertThatThrownBy(() -> InputFiles.inspect(blank)).hasMessageContaining("row 1 is blank");
        }

        @Test
        void should_refuse_a_sheet_named_for_a_csv_file() {
            Path csv = TestFiles.write(dir, "qName,dataSourceId\na,b\n");

            assertThatThrownBy(() -> InputFiles.inspect(csv, "Sheet1"))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("this file is a CSV; leave --sheet out");
        }
    }

    @Nested
    class Reading {
        @Test
        void should_give_the_rows_with_their_sheet_numbers_cells_as_wide_as_the_header_and_unreadable_cells() {
            ConnectionCsvReader reader = new ConnectionCsvReader(workbook(), "Connections");
            reader.open(new ExecutionContext());
            List<InputRow> rows = new ArrayList<>();
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            reader.close();

            assertThat(rows).extracting(InputRow::row).containsExactly(2, 5, 6);
            assertThat(rows).allMatch(InputRow::inWorkbook);
            assertThat(rows.get(0).cells()).containsExactly("a", "postgres", "5432", "");
            assertThat(rows.get(1).cells()).containsExactly("b", "snowflake", "443", "checked");
            assertThat(rows.get(2).cells()).containsExactly("c", "postgres", "#REF!", "", "stray");
            assertThat(rows.get(2).unreadable()).isEqualTo(Map.of(2, "holds the error #REF!"));
            assertThat(rows.get(2).cellName(4)).isEqualTo("E6");
        }

        @Test
        void should_resume_after_the_rows_a_restart_saved() {
            Path file = workbook();
            ConnectionCsvReader first = new ConnectionCsvReader(file);
            ExecutionContext context = new ExecutionContext();
            first.open(context);
            assertThat(first.read().row()).isEqualTo(2);
            assertThat(first.read().row()).isEqualTo(5);
            first.update(context);
            first.close();

            ConnectionCsvReader second = new ConnectionCsvReader(file);
            second.open(context);

            assertThat(second.read().row()).isEqualTo(6);
            assertThat(second.read()).isNull();
            second.close();
        }
    }
}

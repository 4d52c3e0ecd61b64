package dev.qcl.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --output FILE.xlsx}: the CSV export's columns as a workbook of text cells (contract sections 9, 11). */
class WorkbookExportTests {
    /** Every row of the workbook's first sheet as text, with the type of each cell that is set. */
    static List<List<String>> rows(Path file, List<CellType> types, List<String> formats) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getPaneInformation()).isNotNull();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    if (cell == null) {
                        cells.add("");
                        continue;
                    }
                    types.add(cell.getCellType());
                    formats.add(cell.getCellStyle().getDataFormatString());
                    cells.add(new DataFormatter().formatCellValue(cell));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    void should_write_the_csv_exports_cells_as_text_cells_under_a_frozen_header_and_load_back_with_no_write(
            @TempDir Path dir) throws IOException {
        try (TestTenant tenant = ExportFixtures.startIn(dir)) {
            // given
            ExportFixtures.seed(tenant, dir);
            Path csv = dir.resolve("export.csv");
            Path xlsx = dir.resolve("export.xlsx");
            assertThat(tenant.qcl("export", "--all", "--output", csv.toString()).exitCode())
                    .isZero();

            // when
            Qcl.Outcome exported = tenant.qcl("export", "--all", "--output", xlsx.toString());
            long writesBefore = tenant.sandbox().writeRequests();
            Qcl.Outcome run = tenant.qclUnpaced("run", "--input", xlsx.toString(), "--on-existing", "update");
            Path placeholders = dir.resolve("placeholders.xlsx");
            Qcl.Outcome withPlaceholders =
                    tenant.qcl("export", "--all", "--secret-placeholders", "--output", placeholders.toString());

            // then
            assertThat(exported.exitCode()).as(exported.err()).isZero();
            List<CellType> types = new ArrayList<>();
            List<String> formats = new ArrayList<>();
            List<List<String>> rows = rows(xlsx, types, formats);
            assertThat(rows.get(0)).isEqualTo(ExportFixtures.header(csv));
            List<Map<String, String>> records = new ArrayList<>();
            for (List<String> cells : rows.subList(1, rows.size())) {
                Map<String, String> record = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    record.put(rows.get(0).get(i), cells.get(i));
                }
                records.add(record);
            }
            assertThat(records).isEqualTo(ExportFixtures.records(csv));
            assertThat(types).isNotEmpty().containsOnly(CellType.STRING);
            assertThat(formats).containsOnly("@");

            assertThat(withPlaceholders.exitCode()).as(withPlaceholders.err()).isZero();
            assertThat(rows(placeholders, new ArrayList<>(), new ArrayList<>()))
                    .anySatisfy(cells -> assertThat(cells).anyMatch(cell -> cell.startsWith("${env:QCL_")));
            assertThat(Files.readString(dir.resolve("placeholders.xlsx.env.example")))
                    .contains("QCL_");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(tenant.sandbox().writeRequests()).isEqualTo(writesBefore);
            assertThat(tenant.results())
                    .filteredOn(r -> r.runId() == 2)
                    .isNotEmpty()
                    .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                    .containsOnly(Tuple.tuple("SKIPPED", "unchanged"));
        }
    }
}

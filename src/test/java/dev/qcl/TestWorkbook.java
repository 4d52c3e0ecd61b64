package dev.qcl;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes workbooks for tests with POI's own writer, as Excel would save them: typed cells (text, numbers,
 * booleans, dates with a date format), formulas with their computed value, error values, merged areas,
 * several sheets.
 */
public final class TestWorkbook {
    /** A formula; its value is computed when the workbook is written, as Excel does on saving. */
    public record Formula(String expression) {}

    /** An error value such as {@code #N/A}. */
    public record Error(FormulaError error) {}

    /** A number shown with the number format {@code format} (a date format, a grouping, a percentage). */
    public record Formatted(double value, String format) {}

    private final Map<String, List<List<Object>>> sheets = new LinkedHashMap<>();
    private final Map<String, List<String>> merges = new LinkedHashMap<>();
    private String current;

    private TestWorkbook() {}

    /** A workbook whose first sheet is {@code name}. */
    public static TestWorkbook sheet(String name) {
        return new TestWorkbook().andSheet(name);
    }

    /** The rows of a CSV sheet as a workbook: numbers typed as numbers, the rest as text, blank rows kept. */
    public static TestWorkbook of(String sheetName, List<String> header, List<List<String>> rows) {
        TestWorkbook workbook = sheet(sheetName);
        workbook.row(header.toArray());
        for (List<String> row : rows) {
            workbook.row(row.stream().map(TestWorkbook::typed).toArray());
        }
        return workbook;
    }

    private static Object typed(String cell) {
        if (cell.matches("-?[1-9][0-9]{0,14}|0")) {
            return Long.parseLong(cell);
        }
        return cell;
    }

    public TestWorkbook andSheet(String name) {
        sheets.put(name, new ArrayList<>());
        current = name;
        return this;
    }

    /** A row of the current sheet; null leaves a cell out, an empty array leaves the row out (blank). */
    public TestWorkbook row(Object... cells) {
        sheets.get(current)
                .add(java.util.Arrays.stream(cells)
                        .map(c -> c == null ? (Object) "" : c)
                        .toList());
        return this;
    }

    /** A blank row: the sheet holds nothing there. */
    public TestWorkbook blankRow() {
        sheets.get(current).add(List.of());
        return this;
    }

    /** Merges the cells of {@code range} (such as {@code C2:C4}) of the current sheet. */
    public TestWorkbook merge(String range) {
        merges.computeIfAbsent(current, k -> new ArrayList<>()).add(range);
        return this;
    }

    public Path write(Path file) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle date = style(workbook, "yyyy-mm-dd");
            CellStyle dateTime = style(workbook, "yyyy-mm-dd hh:mm:ss");
            for (Map.Entry<String, List<List<Object>>> entry : sheets.entrySet()) {
                Sheet sheet = workbook.createSheet(entry.getKey());
                int r = 0;
                for (List<Object> cells : entry.getValue()) {
                    if (cells.isEmpty()) {
                        r++;
                        continue;
                    }
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < cells.size(); c++) {
                        Object value = cells.get(c);
                        if (value instanceof String text && text.isEmpty()) {
                            continue;
                        }
                        set(workbook, row.createCell(c), value, date, dateTime);
                    }
                }
                for (String range : merges.getOrDefault(entry.getKey(), List.of())) {
                    sheet.addMergedRegion(CellRangeAddress.valueOf(range));
                }
            }
            // the computed values a formula cell keeps, as Excel stores them when it saves
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void set(XSSFWorkbook workbook, Cell cell, Object value, CellStyle date, CellStyle dateTime) {
        if (value instanceof String text) {
            cell.setCellValue(text);
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof LocalDateTime time) {
            cell.setCellValue(time);
            cell.setCellStyle(dateTime);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value instanceof Formula formula) {
            cell.setCellFormula(formula.expression());
        } else if (value instanceof Error error) {
            cell.setCellErrorValue(error.error().getCode());
        } else if (value instanceof Formatted formatted) {
            cell.setCellValue(formatted.value());
            cell.setCellStyle(style(workbook, formatted.format()));
        } else {
            throw new IllegalArgumentException("no cell for " + value);
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }
}

package dev.qcl.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A workbook of one sheet whose every cell is text (the Text number format, so that Excel keeps leading
 * zeros, long IDs and {@code true} as written, and an edited cell stays text), with its header row bold
 * and frozen. Written with POI's streaming SXSSF: only a window of rows is in memory, the rest in a
 * temporary file that {@link #close()} deletes.
 */
public final class TextWorkbookWriter implements AutoCloseable {
    /** Excel's most characters in one cell. */
    public static final int MAX_CELL_CHARS = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private static final int ROWS_IN_MEMORY = 100;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final Sheet sheet;
    private final CellStyle text;
    private final CellStyle header;
    private int rows;

    /** {@code sheetName}: the sheet's name (made safe: at most 31 characters, none of {@code : \ / ? * [ ]}). */
    public TextWorkbookWriter(String sheetName) {
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
        sheet.createFreezePane(0, 1);
        short textFormat = workbook.createDataFormat().getFormat("@");
        text = workbook.createCellStyle();
        text.setDataFormat(textFormat);
        header = workbook.createCellStyle();
        header.setDataFormat(textFormat);
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
    }

    /** Appends a row: the first is the header. */
    public void row(List<String> cells) {
        Row row = sheet.createRow(rows);
        CellStyle style = rows == 0 ? header : text;
        rows++;
        for (int i = 0; i < cells.size(); i++) {
            String value = cells.get(i);
            if (value == null || value.isEmpty()) {
                continue; // an empty cell is "not set"; no cell at all reads the same
            }
            if (value.length() > MAX_CELL_CHARS) {
                throw new IllegalArgumentException("cell " + SheetRow.cellName(i, rows) + " would hold "
                        + value.length() + " characters; a workbook cell holds at most " + MAX_CELL_CHARS);
            }
            var cell = row.createCell(i);
            cell.setCellStyle(style);
            cell.setCellValue(value);
        }
    }

    public void writeTo(OutputStream out) throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.close(); // also deletes the temporary file of the rows
    }
}

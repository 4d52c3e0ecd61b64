package dev.qcl.csv;

import dev.qcl.workbook.SheetRow;
import dev.qcl.workbook.SheetRows;
import dev.qcl.workbook.Workbook;
import dev.qcl.workbook.WorkbookException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The rows of one sheet of a workbook as records: every row number is a record, the rows the sheet does
 * not hold blank ones, so that records read and rows passed agree as for a CSV. A record has the header's
 * width, or more where a cell right of the header's last column holds something; cells the workbook
 * cannot give a value for are kept by column ({@link InputRow#unreadable()}).
 */
final class WorkbookSource implements InputSource {
    private static final String[] BLANK = new String[0];

    private final Path file;
    private final Workbook workbook;
    private final SheetRows rows;
    private final String sheet;
    private SheetRow pending;
    private int row;
    private int width = -1;
    private Map<Integer, String> unreadable = Map.of();

    private WorkbookSource(Path file, Workbook workbook, SheetRows rows, String sheet) {
        this.file = file;
        this.workbook = workbook;
        this.rows = rows;
        this.sheet = sheet;
    }

    static WorkbookSource open(Path file, String sheet) {
        Workbook workbook;
        try {
            workbook = Workbook.open(file);
        } catch (WorkbookException e) {
            throw InputFileException.workbook(file, e);
        }
        try {
            String name = workbook.sheetName(sheet);
            return new WorkbookSource(file, workbook, workbook.rows(name), name);
        } catch (WorkbookException e) {
            workbook.close();
            throw InputFileException.workbook(file, e);
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    @Override
    public String[] next() {
        try {
            if (pending == null) {
                pending = rows.next();
            }
        } catch (WorkbookException e) {
            throw InputFileException.workbook(file, e);
        }
        if (pending == null) {
            return null;
        }
        row++;
        if (pending.number() != row) {
            unreadable = Map.of();
            return BLANK; // a row the sheet does not hold
        }
        SheetRow current = pending;
        pending = null;
        unreadable = current.problems();
        return record(current.cells());
    }

    /** The header's width (its last cell that is not blank), or the row's where it reaches further. */
    private String[] record(List<String> cells) {
        int last = cells.size();
        while (last > 0 && cells.get(last - 1).isBlank() && !unreadable.containsKey(last - 1)) {
            last--;
        }
        if (width < 0) {
            width = last; // the header
        }
        String[] record = cells.subList(0, Math.min(last, cells.size())).toArray(String[]::new);
        return record.length >= width ? record : padded(record);
    }

    private String[] padded(String[] record) {
        String[] out = Arrays.copyOf(record, width);
        Arrays.fill(out, record.length, width, "");
        return out;
    }

    @Override
    public int row() {
        return row;
    }

    @Override
    public boolean blank(String[] record) {
        return unreadable.isEmpty() && CsvSource.isBlank(record);
    }

    @Override
    public InputRow inputRow(String[] record) {
        String[] cells = record.length >= width ? record : padded(record);
        return new InputRow(row, List.of(cells), unreadable, true);
    }

    @Override
    public String sheet() {
        return sheet;
    }

    /** The header's cells that hold no value (an error, a formula without a computed value): a file-level problem. */
    Map<Integer, String> unreadable() {
        return unreadable;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            workbook.close();
        }
    }
}

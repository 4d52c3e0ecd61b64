package dev.qcl.csv;

import dev.qcl.workbook.WorkbookException;
import dev.qcl.workbook.Workbooks;
import java.io.Closeable;
import java.nio.file.Path;

/**
 * The records of an input file one at a time, whatever the file is: a CSV ({@link CsvSource}) or a sheet
 * of a workbook ({@link WorkbookSource}). The first record is the header; every later record is one
 * spreadsheet row, blank ones included, so that the records read are the rows passed.
 */
interface InputSource extends Closeable {
    /**
     * Opens {@code file}: a workbook (told by its content) at {@code sheet} (null: the first sheet), any
     * other file as CSV.
     *
     * @throws InputFileException when it cannot be read, or a sheet is named for a CSV file
     */
    static InputSource open(Path file, String sheet) {
        if (isWorkbook(file)) {
            return WorkbookSource.open(file, sheet);
        }
        if (sheet != null) {
            throw InputFileException.sheetOfCsv(file);
        }
        return CsvSource.open(file);
    }

    /** Whether {@code file} is a workbook to read as one (and not a CSV). */
    static boolean isWorkbook(Path file) {
        try {
            return Workbooks.isWorkbook(file);
        } catch (WorkbookException e) {
            throw InputFileException.workbook(file, e);
        }
    }

    /** The next record's cells, or null at the end. */
    String[] next();

    /** The spreadsheet row number of the last record returned (the header is row 1). */
    int row();

    /** Whether the last record returned is no data: all its cells blank, none unreadable. */
    boolean blank(String[] record);

    /** The last record returned as a data row. */
    InputRow inputRow(String[] record);

    /** The sheet read, or null for a CSV file. */
    String sheet();

    @Override
    void close();
}

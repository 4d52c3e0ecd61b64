package dev.qcl.csv;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The input file cannot be read as a table of connections (exit code 2, nothing is sent). The message is one
 * line that names the file, the problem and the fix.
 */
public final class InputFileException extends RuntimeException {
    static final String UNCLOSED_QUOTE = "a quoted cell is not closed (it runs to the end of the file); add the"
            + " closing quote, and double every quote inside a quoted cell (\"\")";

    private final transient Path file;

    private InputFileException(Path file, String problemAndFix) {
        super(oneLine(file + ": " + problemAndFix));
        this.file = file;
    }

    /** The input file the problem is in. */
    public Path file() {
        return file;
    }

    public static InputFileException missingFile(Path file) {
        return new InputFileException(file, "the input file does not exist; check the path given to --input");
    }

    public static InputFileException notRegularFile(Path file) {
        return new InputFileException(
                file, "the input is not a regular file (a folder?); give the path of a CSV file or workbook");
    }

    public static InputFileException unreadable(Path file, String reason) {
        return new InputFileException(file, "the input file cannot be read (" + reason + "); check its permissions");
    }

    /** A workbook that cannot be read as a table: the workbook reader's one line, after the file's name. */
    public static InputFileException workbook(Path file, dev.qcl.workbook.WorkbookException problem) {
        return new InputFileException(file, problem.getMessage());
    }

    public static InputFileException sheetOfCsv(Path file) {
        return new InputFileException(
                file, "--sheet names a sheet of an Excel workbook (.xlsx), and this file is a CSV; leave --sheet out");
    }

    /** A header cell of a workbook with no value to read (an error, a formula without a computed value). */
    static InputFileException unreadableHeader(Path file, String cell, String problem) {
        return new InputFileException(file, "the header cell " + cell + " " + problem + "; type the column name");
    }

    /** A workbook whose header is one cell holding separators: CSV text pasted into column A. */
    static InputFileException oneCellHeader(Path file, String separatorName) {
        return new InputFileException(
                file,
                "the header is one cell holding " + separatorName + ": the sheet holds CSV text in column A;"
                        + " split it into columns (Data > Text to Columns) or give qcl the CSV file");
    }

    public static InputFileException empty(Path file) {
        return new InputFileException(
                file,
                "the input file is empty; it needs a header row with qName and"
                        + " dataSourceId, then one row per connection");
    }

    public static InputFileException blankHeader(Path file) {
        return new InputFileException(
                file, "row 1 is blank; the header (qName, dataSourceId, ...) must be the first row");
    }

    public static InputFileException noDataRows(Path file) {
        return new InputFileException(file, "the input file has a header but no data rows; add one row per connection");
    }

    /** A required column is missing; {@code nearMiss} is a header cell that is almost its name, or null. */
    public static InputFileException missingColumn(Path file, String column, String nearMiss, int nearMissPosition) {
        String hint = nearMiss == null
                ? "add a column named exactly " + column
                : "column " + nearMissPosition + " is " + quote(nearMiss) + ": did you mean " + column
                        + "? (names are case sensitive, without spaces)";
        return new InputFileException(file, "the header has no " + column + " column; " + hint);
    }

    public static InputFileException duplicateColumn(Path file, String column, int first, int second) {
        return new InputFileException(
                file,
                "the header has the column " + quote(column) + " twice (columns " + first + " and " + second
                        + "); rename or remove one of them");
    }

    public static InputFileException looksSeparatedBy(Path file, String separatorName) {
        return new InputFileException(
                file, "the file looks separated by " + separatorName + "; export it comma-separated (CSV UTF-8)");
    }

    /** Bytes that are not UTF-8 at {@code offset} (0-based), in spreadsheet row {@code row}. */
    public static InputFileException notUtf8(Path file, long offset, int row, int badByte, String likelyEncoding) {
        return new InputFileException(
                file,
                String.format(
                        Locale.ROOT,
                        "the file is not UTF-8 (byte 0x%02X at offset %d, row %d): it is %s; save the sheet as CSV UTF-8",
                        badByte,
                        offset,
                        row,
                        likelyEncoding));
    }

    public static InputFileException unclosedQuote(Path file, int row) {
        return badRecord(file, row, UNCLOSED_QUOTE);
    }

    /** A record the reader cannot take: bad quoting, or a cell or row too large to be a connection. */
    static InputFileException badRecord(Path file, int row, String problemAndFix) {
        return new InputFileException(file, "row " + row + ": " + problemAndFix);
    }

    public static InputFileException malformed(Path file, int row, String detail) {
        return new InputFileException(
                file, "row " + row + " cannot be read as CSV (" + detail + "); check the quotes in that row");
    }

    static String quote(String text) {
        return "'" + oneLine(text) + "'";
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }
}

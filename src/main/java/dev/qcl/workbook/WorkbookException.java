package dev.qcl.workbook;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A workbook that cannot be read as a table. The message is one line with the problem and the fix, without
 * the file's name (the caller names it).
 */
public final class WorkbookException extends RuntimeException {
    private static final String SAVE_AS_XLSX = "save it as .xlsx (File > Save As > Excel Workbook)";

    private WorkbookException(String problemAndFix) {
        super(problemAndFix);
    }

    static WorkbookException xls() {
        return new WorkbookException(
                "the file is an Excel 97-2003 workbook (.xls), which qcl does not read; " + SAVE_AS_XLSX);
    }

    static WorkbookException ods() {
        return new WorkbookException(
                "the file is an OpenDocument spreadsheet (.ods), which qcl does not read; " + SAVE_AS_XLSX);
    }

    static WorkbookException binary() {
        return new WorkbookException(
                "the file is an Excel binary workbook (.xlsb), which qcl does not read; " + SAVE_AS_XLSX);
    }

    static WorkbookException encrypted() {
        return new WorkbookException("the workbook is encrypted (it needs a password to open); save a copy without"
                + " the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and give that");
    }

    static WorkbookException notAWorkbook(String what) {
        return new WorkbookException("the file is named like a workbook but is " + what + "; " + SAVE_AS_XLSX
                + ", or give a CSV file a .csv name");
    }

    static WorkbookException damagedZip(String detail) {
        return new WorkbookException("the file starts like a zip file, as an Excel workbook (.xlsx) does, but cannot"
                + " be read as one (" + oneLine(detail) + "); save the workbook again from Excel, or give a text CSV");
    }

    static WorkbookException unreadable(String detail) {
        return new WorkbookException(
                "the workbook cannot be read (" + oneLine(detail) + "); open it in Excel and " + SAVE_AS_XLSX);
    }

    static WorkbookException bomb(String part) {
        return new WorkbookException("the part " + part + " of the workbook expands more than 100-fold or past 512"
                + " MiB (a zip bomb?), so it is not read; save the sheet anew from Excel");
    }

    static WorkbookException doctype(String part) {
        return new WorkbookException("the part " + part + " of the workbook holds XML with a DOCTYPE (entities),"
                + " which Excel never writes and qcl does not read; save the sheet anew from Excel");
    }

    static WorkbookException unknownSheet(String sheet, List<String> sheets) {
        return new WorkbookException("the workbook has no sheet named '" + oneLine(sheet) + "'; its sheets are "
                + sheets.stream().map(s -> "'" + oneLine(s) + "'").collect(Collectors.joining(", "))
                + " (--sheet NAME, names are case sensitive)");
    }

    static WorkbookException noSheets() {
        return new WorkbookException("the workbook has no sheets; " + SAVE_AS_XLSX);
    }

    private static String oneLine(String text) {
        String line =
                text == null ? "" : text.replace("\r", "\\r").replace("\n", " ").replace("\t", "\\t");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}

package dev.qcl.report;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import java.io.Writer;

/** How qcl writes CSV: RFC 4180 quoting (only where needed), LF line ends. */
final class Csv {
    private Csv() {}

    static ICSVWriter writer(Writer out) {
        return new CSVWriterBuilder(out).withLineEnd("\n").build();
    }

    /**
     * A cell a spreadsheet would run as a formula ({@code = + - @}, or a tab or carriage return first)
     * gets a leading apostrophe, so opening results.csv cannot execute anything.
     */
    static String neutralised(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }
}

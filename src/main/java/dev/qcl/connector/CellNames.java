package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.workbook.SheetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of section 11 that only a workbook's rows can break (a cell with no value to read, a value
 * right of the header), and the cell named in every message of a workbook row: {@code column 'port'
 * (cell F7): ...}.
 */
final class CellNames {
    private static final Pattern ONE = Pattern.compile("column '[^']*'");
    private static final Pattern TWO = Pattern.compile("columns '([^']*)' and '([^']*)'");

    private final CsvHeader header;

    CellNames(CsvHeader header) {
        this.header = header;
    }

    /** The message of a workbook row whose cells reach past the header's last column. */
    Violation pastTheHeader(InputRow row) {
        int column = header.size();
        for (int i = header.size(); i < row.cells().size(); i++) {
            if (!row.cell(i).isBlank() || row.unreadable().containsKey(i)) {
                column = i;
                break;
            }
        }
        String last = header.size() == 0 ? "" : " (" + SheetRow.columnName(header.size() - 1) + ")";
        return new Violation(
                null,
                "cell " + row.cellName(column) + " holds a value right of the header's last column" + last
                        + "; give its column a header (a comment column starts with #), or clear the cell");
    }

    /** The cells of the row that hold no value to read, in the columns the run reads; comments are ignored. */
    List<Violation> unreadable(InputRow row) {
        List<Violation> violations = new ArrayList<>();
        for (Map.Entry<Integer, String> cell : new TreeMap<>(row.unreadable()).entrySet()) {
            int index = cell.getKey();
            if (index >= header.size()) {
                continue;
            }
            String column = header.columns().get(index);
            if (CsvHeader.isComment(column) || column.isBlank()) {
                continue;
            }
            violations.add(new Violation(
                    column, "column '" + column + "' (cell " + row.cellName(index) + ") " + cell.getValue()));
        }
        return violations;
    }

    /** The violations with the cell of each named after its column, for a workbook row; as they are otherwise. */
    List<Violation> named(List<Violation> violations, InputRow row) {
        if (!row.inWorkbook()) {
            return violations;
        }
        List<Violation> named = new ArrayList<>(violations.size());
        violations.forEach(violation -> named.add(named(violation, row)));
        return named;
    }

    Violation named(Violation violation, InputRow row) {
        if (!row.inWorkbook()
                || violation.column() == null
                || violation.message().contains("(cell ")) {
            return violation;
        }
        String message = violation.message();
        Matcher two = TWO.matcher(message);
        if (two.find() && header.indexOf(two.group(1)) >= 0 && header.indexOf(two.group(2)) >= 0) {
            String cells = " (cells " + row.cellName(header.indexOf(two.group(1))) + " and "
                    + row.cellName(header.indexOf(two.group(2))) + ")";
            return new Violation(violation.column(), insert(message, two.end(), cells));
        }
        int index = header.indexOf(violation.column());
        if (index < 0) {
            return violation; // a column the sheet lacks has no cell
        }
        String cell = "cell " + row.cellName(index);
        Matcher one = ONE.matcher(message);
        return new Violation(
                violation.column(), one.find() ? insert(message, one.end(), " (" + cell + ")") : cell + ": " + message);
    }

    private static String insert(String message, int at, String text) {
        return message.substring(0, at) + text + message.substring(at);
    }
}

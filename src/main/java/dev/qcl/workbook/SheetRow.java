package dev.qcl.workbook;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One row of a sheet as read: its cells' text by column (an empty string where a cell is empty or
 * missing) and the cells that have no value to read (an error value, a formula without a computed value).
 *
 * @param number the sheet's row number, 1 for the first row
 * @param problems by column index (0 for A): what is wrong with the cell, a phrase that follows its name
 */
public record SheetRow(int number, List<String> cells, Map<Integer, String> problems) {
    public SheetRow {
        cells = List.copyOf(cells);
        problems = Map.copyOf(problems);
    }

    static SheetRow of(int number, String[] cells, int width, Map<Integer, String> problems) {
        String[] texts = Arrays.copyOf(cells, width);
        for (int i = 0; i < width; i++) {
            if (texts[i] == null) {
                texts[i] = "";
            }
        }
        return new SheetRow(number, Arrays.asList(texts), problems);
    }

    /** The cell's name in A1 notation: column letters and the row number, such as {@code F7}. */
    public static String cellName(int column, int row) {
        return columnName(column) + row;
    }

    /** Column letters: A for 0, Z for 25, AA for 26. */
    public static String columnName(int column) {
        StringBuilder letters = new StringBuilder();
        for (int n = column + 1; n > 0; n = (n - 1) / 26) {
            letters.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return letters.toString();
    }
}

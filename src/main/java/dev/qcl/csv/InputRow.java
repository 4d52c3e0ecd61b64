package dev.qcl.csv;

import dev.qcl.workbook.SheetRow;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One data record of the input file, exactly as read.
 *
 * @param row the spreadsheet row number: the header is row 1, the first data record row 2;
 *     blank lines keep their place in the numbering, a record with a quoted line break is one row
 * @param cells the cells as read, untrimmed; may have more or fewer cells than the header
 * @param unreadable a workbook's cells that hold no value to read (an error value, a formula without a
 *     computed value), by column index: what is wrong, a phrase that follows the cell's name
 * @param inWorkbook whether the row is a workbook's: its messages name the cell ({@code F7}) too
 */
public record InputRow(int row, List<String> cells, Map<Integer, String> unreadable, boolean inWorkbook) {
    public InputRow {
        if (row < 2) {
            throw new IllegalArgumentException("data rows start at row 2, got " + row);
        }
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
        unreadable = Map.copyOf(unreadable);
    }

    /** A row of a CSV file. */
    public InputRow(int row, List<String> cells) {
        this(row, cells, Map.of(), false);
    }

    /** The cell at {@code index}, or an empty string when the record is shorter. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** The name of the cell at {@code index} in this row, in A1 notation ({@code F7}). */
    public String cellName(int index) {
        return SheetRow.cellName(index, row);
    }
}

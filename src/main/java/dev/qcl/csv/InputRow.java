package dev.qcl.csv;

import java.util.List;
import java.util.Objects;

/**
 * One data record of the input file, exactly as read.
 *
 * @param row the spreadsheet row number: the header is row 1, the first data record row 2;
 *     blank lines keep their place in the numbering, a record with a quoted line break is one row
 * @param cells the cells as read, untrimmed; may have more or fewer cells than the header
 */
public record InputRow(int row, List<String> cells) {
    public InputRow {
        if (row < 2) {
            throw new IllegalArgumentException("data rows start at row 2, got " + row);
        }
        cells = List.copyOf(Objects.requireNonNull(cells, "cells"));
    }

    /** The cell at {@code index}, or an empty string when the record is shorter. */
    public String cell(int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }
}

package dev.qcl.csv;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The file-level checks of a header record: separator, required columns, duplicate names. */
final class HeaderCheck {
    private HeaderCheck() {}

    static CsvHeader check(Path file, String[] record) {
        return check(file, record, false);
    }

    /** {@code workbook}: the header is a sheet's first row, where separators in one cell are pasted CSV text. */
    static CsvHeader check(Path file, String[] record, boolean workbook) {
        List<String> columns = List.of(record);
        if (columns.size() == 1) {
            String only = columns.get(0);
            if (only.contains(";")) {
                throw workbook
                        ? InputFileException.oneCellHeader(file, "semicolons")
                        : InputFileException.looksSeparatedBy(file, "semicolons");
            }
            if (only.contains("\t") || (workbook && only.contains(","))) {
                String separator = only.contains("\t") ? "tabs" : "commas";
                throw workbook
                        ? InputFileException.oneCellHeader(file, separator)
                        : InputFileException.looksSeparatedBy(file, separator);
            }
        }
        CsvHeader header = new CsvHeader(columns);
        requireColumn(file, header, CsvHeader.Q_NAME);
        requireColumn(file, header, CsvHeader.DATA_SOURCE_ID);
        rejectDuplicates(file, header);
        return header;
    }

    private static void requireColumn(Path file, CsvHeader header, String column) {
        if (header.indexOf(column) >= 0) {
            return;
        }
        for (int i = 0; i < header.size(); i++) {
            if (CsvHeader.reservedMeant(header.columns().get(i))
                    .filter(column::equals)
                    .isPresent()) {
                throw InputFileException.missingColumn(
                        file, column, header.columns().get(i), i + 1);
            }
        }
        throw InputFileException.missingColumn(file, column, null, 0);
    }

    /** Blank header cells (trailing empty columns of a sheet) are ignored columns, so they may repeat. */
    private static void rejectDuplicates(Path file, CsvHeader header) {
        Map<String, Integer> firstPosition = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.columns().get(i);
            if (column.isBlank()) {
                continue;
            }
            Integer first = firstPosition.putIfAbsent(column, i + 1);
            if (first != null) {
                throw InputFileException.duplicateColumn(file, column, first, i + 1);
            }
        }
    }
}

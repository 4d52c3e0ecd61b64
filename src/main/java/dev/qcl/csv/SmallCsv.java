package dev.qcl.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV file of qcl's own (the tenants file), read whole with the same strict rules as an input:
 * UTF-8, RFC 4180, one line per problem naming the row. Blank records are left out, their rows counted.
 */
public final class SmallCsv {
    /** One record after the header, with its spreadsheet row number (the header is row 1). */
    public record Record(int row, List<String> cells) {
        public Record {
            cells = List.copyOf(cells);
        }
    }

    private final List<String> header;
    private final List<Record> records;

    private SmallCsv(List<String> header, List<Record> records) {
        this.header = header;
        this.records = records;
    }

    public static SmallCsv read(Path file) {
        try (CsvSource source = CsvSource.open(file)) {
            String[] first = source.next();
            if (first == null) {
                throw InputFileException.empty(file);
            }
            List<Record> records = new ArrayList<>();
            for (String[] record = source.next(); record != null; record = source.next()) {
                if (!CsvSource.isBlank(record)) {
                    records.add(new Record(source.row(), List.of(record)));
                }
            }
            return new SmallCsv(List.of(first).stream().map(String::strip).toList(), List.copyOf(records));
        }
    }

    public List<String> header() {
        return header;
    }

    public List<Record> records() {
        return records;
    }
}

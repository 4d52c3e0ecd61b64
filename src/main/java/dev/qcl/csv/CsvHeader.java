package dev.qcl.csv;

import java.util.List;
import java.util.Locale;

/** The header record of an input file: column names in order, a byte-order mark already removed. */
public record CsvHeader(List<String> columns) {
    public static final String Q_NAME = "qName";
    public static final String DATA_SOURCE_ID = "dataSourceId";
    public static final String SPACE = "space";
    public static final String SPACE_NAME = "spaceName";
    public static final String TAGS = "tags";
    /** A row's tenant, by its alias in the tenants file: only in a run with {@code --tenants}. */
    public static final String TENANT = "tenant";

    public static final List<String> RESERVED = List.of(Q_NAME, DATA_SOURCE_ID, SPACE, SPACE_NAME, TAGS, TENANT);

    public CsvHeader {
        columns = List.copyOf(columns);
    }

    /** The position of {@code column}, or -1 when the header has no such column. */
    public int indexOf(String column) {
        return columns.indexOf(column);
    }

    public int size() {
        return columns.size();
    }

    /** Columns whose header starts with {@code #} are comments: ignored on input, echoed in failed.csv. */
    public static boolean isComment(String column) {
        return column.startsWith("#");
    }

    /** A column that names a connection property: neither reserved nor a comment. */
    public static boolean isProperty(String column) {
        return !RESERVED.contains(column) && !isComment(column) && !column.isBlank();
    }

    static String normalized(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }
}

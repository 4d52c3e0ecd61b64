package dev.qcl.csv;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
    /**
     * Other APIs' names of reserved columns, by their loose form: the published OpenAPI's
     * {@code datasourceID} and the older data-connectivity API's {@code spaceId} and {@code connectionName}.
     */
    private static final Map<String, String> ALIASES =
            Map.of("datasourceid", DATA_SOURCE_ID, "spaceid", SPACE, "connectionname", Q_NAME);

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

    /**
     * The reserved column a header cell that is not one most likely means, for a "did you mean": the
     * same letters and digits in any case, spacing and punctuation ({@code Q_Name}), or another API's
     * name for it ({@code datasourceID}, {@code spaceId}, {@code connectionName}, any case).
     */
    public static Optional<String> reservedMeant(String column) {
        if (RESERVED.contains(column)) {
            return Optional.empty();
        }
        String loose = loose(column);
        return RESERVED.stream()
                .filter(reserved -> loose(reserved).equals(loose))
                .findFirst()
                .or(() -> Optional.ofNullable(ALIASES.get(loose)));
    }

    /** Letters and digits only, lower case. */
    private static String loose(String column) {
        return normalized(column).replaceAll("[^\\p{Alnum}]", "");
    }
}

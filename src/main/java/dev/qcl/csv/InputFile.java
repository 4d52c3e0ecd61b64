package dev.qcl.csv;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An input file that passed the file-level checks of {@link InputFiles#inspect(Path)}.
 *
 * @param sha256 the lowercase hex SHA-256 of the file's bytes, to notice a file changed before a restart
 * @param dataRows the number of data records that are not blank
 * @param dataSourceIds the distinct data source IDs the rows name (the first {@link #MAX_DATA_SOURCE_IDS})
 * @param sheet the sheet read of a workbook, or null for a CSV file
 */
public record InputFile(
        Path path, CsvHeader header, String sha256, long dataRows, Set<String> dataSourceIds, String sheet) {
    /** At most this many distinct data source IDs are collected; a sheet rarely uses more than a dozen. */
    public static final int MAX_DATA_SOURCE_IDS = 1000;

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public InputFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(header, "header");
        if (sha256 == null || !SHA256_HEX.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits, got " + sha256);
        }
        dataSourceIds = Set.copyOf(dataSourceIds);
        if (dataRows < 0) {
            throw new IllegalArgumentException("dataRows must not be negative, got " + dataRows);
        }
    }

    /** A CSV file. */
    public InputFile(Path path, CsvHeader header, String sha256, long dataRows, Set<String> dataSourceIds) {
        this(path, header, sha256, dataRows, dataSourceIds, null);
    }
}

package dev.qcl.csv;

import dev.qcl.workbook.SheetRow;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** File-level checks of an input file, in one streaming pass that never holds more than one record. */
public final class InputFiles {
    private InputFiles() {}

    /**
     * Checks that the file is a UTF-8, comma-separated table with a usable header and at least one data row,
     * and counts its rows and hashes its bytes: the header decoded, then the bytes in one pass; a file that
     * pass does not know is decoded whole instead (the same answer, or the exact error and its row). A
     * workbook is checked on its first sheet.
     *
     * @throws InputFileException when the file cannot be read as a table
     */
    public static InputFile inspect(Path file) {
        return inspect(file, null);
    }

    /**
     * As {@link #inspect(Path)}; a workbook on the sheet named {@code sheet} (null: its first sheet).
     *
     * @throws InputFileException also when {@code sheet} is given for a CSV file, or the workbook has no such sheet
     */
    public static InputFile inspect(Path file, String sheet) {
        if (!Files.exists(file)) {
            throw InputFileException.missingFile(file);
        }
        if (!Files.isRegularFile(file)) {
            throw InputFileException.notRegularFile(file);
        }
        if (!Files.isReadable(file)) {
            throw InputFileException.unreadable(file, "no read permission");
        }
        KnownDigests.Stamp before = KnownDigests.stamp(file);
        if (InputSource.isWorkbook(file)) {
            InputFile inspected = inspectWorkbook(file, sheet);
            KnownDigests.remember(file, before, inspected.sha256(), Clock.systemUTC());
            return inspected;
        }
        if (sheet != null) {
            throw InputFileException.sheetOfCsv(file);
        }
        CsvHeader header;
        try (CsvSource source = CsvSource.open(file)) {
            header = HeaderCheck.check(file, firstRecord(file, source));
        }
        InputFile inspected;
        try {
            inspected = scanned(file, header);
        } catch (RecordScanner.Unusual e) {
            inspected = inspectExactly(file);
        }
        KnownDigests.remember(file, before, inspected.sha256(), Clock.systemUTC());
        return inspected;
    }

    /**
     * The plain case: one pass over the bytes (see {@link RecordScanner}), while another thread hashes
     * them. On a large sheet the hash is the longer of the two (the client compiler has no SHA
     * instruction), and the run cannot start before both are done.
     */
    private static InputFile scanned(Path file, CsvHeader header) throws RecordScanner.Unusual {
        Background<String> sha256 = Background.start("qcl-inspect-sha", () -> sha256(file));
        try (InputStream in = Files.newInputStream(file)) {
            RecordScanner scanner = new RecordScanner(in, null, header.indexOf(CsvHeader.DATA_SOURCE_ID));
            scanner.next(false); // the header, checked above
            DataRows rows = new DataRows();
            while (scanner.next(false)) {
                if (!scanner.blank()) {
                    rows.add(scanner::kept);
                }
            }
            return rows.inputFile(file, header, sha256.join());
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e.getMessage());
        }
    }

    /** A workbook's sheet read row by row (its cells as the job reads them), while another thread hashes the file. */
    private static InputFile inspectWorkbook(Path file, String sheet) {
        Background<String> sha256 = Background.start("qcl-inspect-sha", () -> sha256(file));
        try (WorkbookSource source = WorkbookSource.open(file, sheet)) {
            String[] first = firstRecord(file, source);
            Map<Integer, String> unreadable = source.unreadable();
            if (!unreadable.isEmpty()) {
                int column = Collections.min(unreadable.keySet());
                throw InputFileException.unreadableHeader(file, SheetRow.cellName(column, 1), unreadable.get(column));
            }
            CsvHeader header = HeaderCheck.check(file, first, true);
            int dataSourceColumn = header.indexOf(CsvHeader.DATA_SOURCE_ID);
            DataRows rows = new DataRows();
            for (String[] record = source.next(); record != null; record = source.next()) {
                if (!source.blank(record)) {
                    String[] cells = record;
                    rows.add(() -> dataSourceColumn < cells.length ? cells[dataSourceColumn] : null);
                }
            }
            return rows.inputFile(file, header, sha256.join(), source.sheet());
        }
    }

    /** The whole file decoded and checked character by character: every file, and the exact error of a bad one. */
    static InputFile inspectExactly(Path file) {
        MessageDigest digest = sha256();
        try (CsvSource source = CsvSource.open(file, in -> new DigestInputStream(in, digest))) {
            CsvHeader header = HeaderCheck.check(file, firstRecord(file, source));
            int dataSourceColumn = header.indexOf(CsvHeader.DATA_SOURCE_ID);
            DataRows rows = new DataRows();
            for (String[] record = source.next(); record != null; record = source.next()) {
                if (!CsvSource.isBlank(record)) {
                    String[] cells = record;
                    rows.add(() -> dataSourceColumn < cells.length ? cells[dataSourceColumn] : null);
                }
            }
            return rows.inputFile(file, header, digest);
        }
    }

    /** The data rows a pass over the file met, and the data source IDs they name (the first ones only). */
    private static final class DataRows {
        private long count;
        private final Set<String> dataSourceIds = new HashSet<>();

        /** A record that is not blank; {@code dataSourceId} gives its cell, or null when the record is shorter. */
        void add(Supplier<String> dataSourceId) {
            count++;
            if (dataSourceIds.size() < InputFile.MAX_DATA_SOURCE_IDS) {
                String id = dataSourceId.get();
                if (id != null) {
                    dataSourceIds.add(id.strip());
                }
            }
        }

        InputFile inputFile(Path file, CsvHeader header, MessageDigest digest) {
            return inputFile(file, header, HexFormat.of().formatHex(digest.digest()));
        }

        InputFile inputFile(Path file, CsvHeader header, String sha256) {
            return inputFile(file, header, sha256, null);
        }

        InputFile inputFile(Path file, CsvHeader header, String sha256, String sheet) {
            if (count == 0) {
                throw InputFileException.noDataRows(file);
            }
            return new InputFile(file, header, sha256, count, dataSourceIds, sheet);
        }
    }

    /**
     * The SHA-256 of the file's bytes, without parsing it: enough to tell whether a file changed since
     * a run read it.
     *
     * @throws InputFileException when the file is missing or cannot be read
     */
    public static String sha256(Path file) {
        if (!Files.isRegularFile(file)) {
            throw InputFileException.missingFile(file);
        }
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e.getMessage());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The header record; a file of blank lines only is empty, a blank line before the header is an error. */
    private static String[] firstRecord(Path file, InputSource source) {
        String[] first = source.next();
        if (first == null) {
            throw InputFileException.empty(file);
        }
        if (!source.blank(first)) {
            return first;
        }
        for (String[] record = source.next(); record != null; record = source.next()) {
            if (!source.blank(record)) {
                throw InputFileException.blankHeader(file);
            }
        }
        throw InputFileException.empty(file);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

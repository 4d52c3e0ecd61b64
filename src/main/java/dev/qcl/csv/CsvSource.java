package dev.qcl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The records of an input file, one at a time: strict UTF-8 without BOM, RFC 4180 quoting (a backslash is an
 * ordinary character), LF or CRLF. Line breaks inside quoted cells are returned as LF. Reading problems become
 * {@link InputFileException}s.
 */
final class CsvSource implements InputSource {
    private final Path path;
    private final StrictCsvGuard guard;
    private final RecordSplitter csv;
    private int records;

    private CsvSource(Path path, InputStream bytes) {
        this.path = path;
        this.guard = new StrictCsvGuard(new StrictUtf8Reader(bytes));
        this.csv = new RecordSplitter(guard);
    }

    static CsvSource open(Path path) {
        return new CsvSource(path, openStream(path));
    }

    /** Reads through {@code wrapper}, for example to digest the bytes as they are read. */
    static CsvSource open(Path path, UnaryOperator<InputStream> wrapper) {
        return new CsvSource(path, wrapper.apply(openStream(path)));
    }

    private static InputStream openStream(Path path) {
        try {
            return Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw InputFileException.missingFile(path);
        } catch (AccessDeniedException e) {
            throw InputFileException.unreadable(path, "access denied");
        } catch (IOException e) {
            throw InputFileException.unreadable(path, e.getMessage());
        }
    }

    /** The next record's cells, or null at the end of the file. */
    @Override
    public String[] next() {
        try {
            String[] record = csv.next();
            if (record != null) {
                records++;
            }
            return record;
        } catch (StrictUtf8Reader.NotUtf8Exception e) {
            throw InputFileException.notUtf8(path, e.offset, guard.row(), e.badByte, EncodingGuess.describe(e.sample));
        } catch (StrictCsvGuard.BadRecordException e) {
            throw InputFileException.badRecord(path, e.row, e.problem);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " after row " + records, e);
        }
    }

    /** The spreadsheet row number of the last record returned (the header is row 1). */
    @Override
    public int row() {
        return records;
    }

    @Override
    public boolean blank(String[] record) {
        return isBlank(record);
    }

    @Override
    public InputRow inputRow(String[] record) {
        return new InputRow(records, List.of(record));
    }

    @Override
    public String sheet() {
        return null;
    }

    /** Entirely empty lines, whitespace-only lines and records whose cells are all empty are not data. */
    static boolean isBlank(String[] record) {
        return Arrays.stream(record).allMatch(String::isBlank);
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close " + path, e);
        }
    }
}

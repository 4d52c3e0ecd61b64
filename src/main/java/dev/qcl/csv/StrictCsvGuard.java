package dev.qcl.csv;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Checks the text on its way to the CSV parser: strict RFC 4180 quoting, and cells and records small enough to
 * hold. OpenCSV tolerates a quote inside an unquoted cell by joining lines until the quotes pair up, which would
 * silently merge rows; rejecting it keeps the parser's records and this guard's row numbers the same.
 */
final class StrictCsvGuard extends FilterReader {
    static final int MAX_CELL_CHARS = 1 << 20;
    static final int MAX_RECORD_CHARS = 16 << 20;
    static final int MAX_RECORD_LINES = 1000;

    private boolean inQuotes;
    private boolean quotedCell;
    private boolean afterCarriageReturn;
    private int completedRecords;
    private int cellChars;
    private int recordChars;
    private int recordLines = 1;

    StrictCsvGuard(Reader in) {
        super(in);
    }

    /** The spreadsheet row number of the record being read (the header is row 1). */
    int row() {
        return completedRecords + 1;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        int n = super.read(buffer, off, len);
        if (n < 0 && inQuotes) {
            throw new BadRecordException(row(), InputFileException.UNCLOSED_QUOTE);
        }
        for (int i = off; i < off + n; i++) {
            track(buffer[i]);
        }
        return n;
    }

    /** Skipped text is checked too. */
    @Override
    public long skip(long n) throws IOException {
        char[] buffer = new char[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void track(char c) throws BadRecordException {
        boolean lineFeedOfCrLf = afterCarriageReturn && c == '\n';
        afterCarriageReturn = c == '\r';
        if (!inQuotes && (c == '\n' || c == '\r')) {
            endRecord(lineFeedOfCrLf);
            return;
        }
        if (++recordChars > MAX_RECORD_CHARS) {
            throw new BadRecordException(row(), "the row is longer than 16 MiB; split it or shorten its cells");
        }
        if (inQuotes) {
            if (c == '"') {
                inQuotes = false; // or the first of a doubled quote: the next character reopens
            } else if ((c == '\n' || c == '\r') && !lineFeedOfCrLf && ++recordLines > MAX_RECORD_LINES) {
                throw new BadRecordException(
                        row(),
                        "a quoted cell spans more than " + MAX_RECORD_LINES
                                + " lines (a quote is probably not closed); close the quote or shorten the cell");
            }
        } else if (c == ',') {
            cellChars = 0;
            quotedCell = false;
            return;
        } else if (c == '"') {
            checkQuoteMayOpen();
        } else if (quotedCell) {
            throw new BadRecordException(
                    row(),
                    "there is text after the closing quote of a cell; put the whole cell"
                            + " in quotes and double every quote inside it (\"\")");
        }
        if (++cellChars > MAX_CELL_CHARS) {
            throw new BadRecordException(
                    row(),
                    "a cell is longer than 1 MiB (or a quote opened there is never"
                            + " closed); shorten the cell or close the quote");
        }
    }

    private void checkQuoteMayOpen() throws BadRecordException {
        if (!quotedCell && cellChars > 0) {
            throw new BadRecordException(
                    row(),
                    "a quote (\") inside a cell that does not start with a quote; put the"
                            + " whole cell in quotes and double the quote inside it (\"12\"\" pipe\")");
        }
        quotedCell = true;
        inQuotes = true;
    }

    private void endRecord(boolean lineFeedOfCrLf) {
        if (!lineFeedOfCrLf) {
            completedRecords++;
        }
        cellChars = 0;
        quotedCell = false;
        recordChars = 0;
        recordLines = 1;
    }

    /** A record the parser would misread, or would have to hold whole although it is far too large. */
    static final class BadRecordException extends IOException {
        final int row;
        final String problem;

        BadRecordException(int row, String problem) {
            super("row " + row + ": " + problem);
            this.row = row;
            this.problem = problem;
        }
    }
}

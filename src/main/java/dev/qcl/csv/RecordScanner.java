package dev.qcl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Finds the records of a file in its bytes without decoding them, for the passes over a whole file
 * that need only one cell of each record or a few whole records: the checks before a run (row count,
 * data source IDs, SHA-256) and failed.csv after it. {@link CsvSource} decodes every character, runs
 * the strict guard over it and makes a string of every cell, which is most of the time those passes
 * took on a large sheet.
 *
 * <p>It knows only the plain case, where it gives what {@link CsvSource} gives: strict UTF-8 (a leading
 * byte-order mark dropped), RFC 4180 quoting, records ending at LF, CR or CRLF outside quotes. Anything
 * else is {@link Unusual}, and the caller reads the file the exact way instead, which gives the same
 * answer or the exact error with its row: bytes that are not UTF-8 or a NUL, a quote the guard refuses,
 * text after a closing quote, an unclosed quote, a cell or record that comes near the guard's limits,
 * or a line break in the kept cell.
 */
final class RecordScanner {
    private static final int BUFFER_BYTES = 1 << 16;
    // the guard's limits are in characters; a character is at least one byte, so staying under them in
    // bytes stays under them in characters
    private static final int MAX_CELL_BYTES = StrictCsvGuard.MAX_CELL_CHARS;
    private static final int MAX_RECORD_BYTES = StrictCsvGuard.MAX_RECORD_CHARS;
    private static final int MAX_QUOTED_LINE_BREAKS = StrictCsvGuard.MAX_RECORD_LINES - 1;

    private final InputStream in;
    private final MessageDigest digest;
    private final int keepColumn;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private int position;
    private int limit;
    private boolean started;
    private boolean lineFeedEndsRecord;
    private long records;

    // the record just scanned
    private boolean blank;
    private byte[] kept = new byte[64];
    private int keptLength = -1;
    private byte[] captured = new byte[256];
    private int capturedLength;

    /**
     * @param digest updated with every byte read (may be null)
     * @param keepColumn the column (0-based) whose cell {@link #kept()} gives, or -1 for none
     */
    RecordScanner(InputStream in, MessageDigest digest, int keepColumn) {
        this.in = in;
        this.digest = digest;
        this.keepColumn = keepColumn;
    }

    /** The case this scanner does not know; read the file with {@link CsvSource} instead. */
    static final class Unusual extends Exception {
        Unusual(String why) {
            super(why, null, false, false);
        }
    }

    /**
     * Scans the next record; false at the end of the file. With {@code capture}, the record's bytes
     * (without its line end) are kept for {@link #captured()}.
     */
    boolean next(boolean capture) throws IOException, Unusual {
        if (!started) {
            start();
        }
        if (lineFeedEndsRecord && available() && buffer[position] == '\n') {
            position++; // the LF of a CRLF that ended the last record
        }
        lineFeedEndsRecord = false;
        if (!available()) {
            return false;
        }
        records++;
        capturedLength = 0;
        keptLength = keepColumn == 0 ? 0 : -1;
        boolean inQuotes = false;
        boolean closedQuote = false;
        boolean nonBlank = false;
        int codePoint = 0;
        int column = 0;
        int cellBytes = 0;
        int recordBytes = 0;
        int quotedLineBreaks = 0;
        int continuations = 0;
        int low = 0x80;
        int high = 0xBF;
        while (true) {
            if (continuations == 0 && !closedQuote && column != keepColumn && !capture) {
                // the common case in a tight loop: a run of printable ASCII that is neither quote nor comma
                byte[] bytes = buffer;
                int at = position;
                int end = limit;
                while (at < end) {
                    int c = bytes[at]; // bytes of 0x80 and above are negative here
                    if (c < 0x21 || c == '"' || c == ',') {
                        break;
                    }
                    at++;
                }
                if (at > position) {
                    int run = at - position;
                    position = at;
                    nonBlank = true;
                    recordBytes += run;
                    cellBytes += run;
                    if (recordBytes > MAX_RECORD_BYTES || cellBytes > MAX_CELL_BYTES) {
                        throw new Unusual("a record or cell near the guard's limits");
                    }
                    continue;
                }
            }
            if (position == limit && !available()) {
                if (inQuotes) {
                    throw new Unusual("a quote is not closed at the end of the file");
                }
                if (continuations > 0) {
                    throw new Unusual("the file ends inside a UTF-8 sequence");
                }
                break;
            }
            int b = buffer[position++] & 0xFF;
            if (++recordBytes > MAX_RECORD_BYTES || ++cellBytes > MAX_CELL_BYTES) {
                throw new Unusual("a record or cell near the guard's limits");
            }
            if (continuations > 0) {
                if (b < low || b > high) {
                    throw new Unusual("not UTF-8");
                }
                continuations--;
                low = 0x80;
                high = 0xBF;
                codePoint = codePoint << 6 | (b & 0x3F);
                if (continuations == 0 && !Character.isWhitespace(codePoint)) {
                    nonBlank = true; // blank is Character.isWhitespace on every code point, as String.isBlank
                }
                keep(column, b);
                capture(capture, b);
                continue;
            }
            if (b >= 0x80) {
                if (closedQuote) {
                    throw new Unusual("text after a closing quote");
                }
                if (b >= 0xC2 && b <= 0xDF) {
                    continuations = 1;
                } else if (b == 0xE0) {
                    continuations = 2;
                    low = 0xA0;
                } else if (b == 0xED) {
                    continuations = 2;
                    high = 0x9F; // not a surrogate
                } else if (b >= 0xE1 && b <= 0xEF) {
                    continuations = 2;
                } else if (b == 0xF0) {
                    continuations = 3;
                    low = 0x90;
                } else if (b == 0xF4) {
                    continuations = 3;
                    high = 0x8F;
                } else if (b >= 0xF1 && b <= 0xF3) {
                    continuations = 3;
                } else {
                    throw new Unusual("not UTF-8");
                }
                codePoint = b & (continuations == 1 ? 0x1F : continuations == 2 ? 0x0F : 0x07);
                keep(column, b);
                capture(capture, b);
                continue;
            }
            if (b == 0) {
                throw new Unusual("a NUL byte");
            }
            if (inQuotes) {
                if (b == '"') {
                    inQuotes = false; // or the first of a doubled quote: the next byte reopens
                    closedQuote = true;
                } else {
                    if (b == '\n' || b == '\r') {
                        if (column == keepColumn || ++quotedLineBreaks > MAX_QUOTED_LINE_BREAKS) {
                            throw new Unusual("a line break in the kept cell, or many in one cell");
                        }
                    } else if (!isAsciiWhiteSpace(b)) {
                        nonBlank = true;
                    }
                    keep(column, b);
                }
                capture(capture, b);
            } else if (b == ',') {
                column++;
                if (column == keepColumn) {
                    keptLength = 0;
                }
                cellBytes = 0;
                closedQuote = false;
                capture(capture, b);
            } else if (b == '\n' || b == '\r') {
                lineFeedEndsRecord = b == '\r';
                break;
            } else if (b == '"') {
                if (closedQuote) {
                    inQuotes = true; // a doubled quote: one quote in the cell
                    closedQuote = false;
                    nonBlank = true;
                    keep(column, b);
                } else if (cellBytes > 1) {
                    throw new Unusual("a quote inside a cell that does not start with one");
                } else {
                    inQuotes = true;
                }
                capture(capture, b);
            } else {
                if (closedQuote) {
                    throw new Unusual("text after a closing quote");
                }
                if (!isAsciiWhiteSpace(b)) {
                    nonBlank = true;
                }
                keep(column, b);
                capture(capture, b);
            }
        }
        blank = !nonBlank;
        return true;
    }

    /** Whether the record just scanned is blank: every cell empty or white space. */
    boolean blank() {
        return blank;
    }

    /** The kept column's cell of the record just scanned, or null when the record is shorter. */
    String kept() {
        return keptLength < 0 ? null : new String(kept, 0, keptLength, StandardCharsets.UTF_8);
    }

    /** The bytes of the record just scanned, when it was captured. */
    byte[] captured() {
        return Arrays.copyOf(captured, capturedLength);
    }

    /** The spreadsheet row number of the record just scanned (the first record is row 1). */
    long row() {
        return records;
    }

    /** Reads the rest of the file into the digest without scanning it. */
    void drain() throws IOException {
        position = limit;
        while (available()) {
            position = limit;
        }
    }

    /** A leading byte-order mark is not text, as {@link StrictUtf8Reader} drops it. */
    private void start() throws IOException, Unusual {
        started = true;
        if (available() && (buffer[position] & 0xFF) == 0xEF) {
            if (limit - position < 3) {
                throw new Unusual("a short first read");
            }
            if ((buffer[position + 1] & 0xFF) == 0xBB && (buffer[position + 2] & 0xFF) == 0xBF) {
                position += 3;
            }
        }
    }

    private void keep(int column, int b) {
        if (column != keepColumn) {
            return;
        }
        if (keptLength == kept.length) {
            kept = Arrays.copyOf(kept, kept.length * 2);
        }
        kept[keptLength++] = (byte) b;
    }

    private void capture(boolean capture, int b) {
        if (!capture) {
            return;
        }
        if (capturedLength == captured.length) {
            captured = Arrays.copyOf(captured, captured.length * 2);
        }
        captured[capturedLength++] = (byte) b;
    }

    private boolean available() throws IOException {
        while (position == limit) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                return false;
            }
            if (digest != null) {
                digest.update(buffer, 0, n);
            }
            position = 0;
            limit = n;
        }
        return true;
    }

    /** {@link Character#isWhitespace} for ASCII: tab, LF, VT, FF, CR, the four separators and space. */
    private static boolean isAsciiWhiteSpace(int b) {
        return (b >= 0x09 && b <= 0x0D) || (b >= 0x1C && b <= 0x20);
    }
}

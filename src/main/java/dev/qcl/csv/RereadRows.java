package dev.qcl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * Chosen rows of an input file read again by their row numbers, in one pass over its bytes that also
 * checks the file is still the one a run read (its SHA-256, or, for a file this process hashed, that its
 * size, time and inode are as they were then: {@link KnownDigests}): failed.csv after a run, which needs
 * the cells of a few rows of what may be a very large file. Only the chosen rows are decoded.
 */
public final class RereadRows {
    private RereadRows() {}

    /** What became of a reading. */
    public enum Outcome {
        /** every chosen row was given, and the file is the one the run read */
        READ,
        /** the file's bytes are not the ones the run read: what was given is to be thrown away */
        CHANGED,
        /** the file holds something the byte scan does not know: read it with {@link ConnectionCsvReader} */
        UNUSUAL
    }

    /** Takes the cells of one chosen row. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(int row, List<String> cells) throws IOException;
    }

    /**
     * Gives {@code each} the cells of the data rows in {@code rows} (ascending spreadsheet row numbers;
     * the header's, a blank row's and a number past the end are ignored, as {@link ConnectionCsvReader}
     * never returns them), in order.
     */
    public static Outcome read(Path file, String sha256, Iterator<Integer> rows, RowConsumer each) throws IOException {
        // a file this process hashed and that looks as it did then is not hashed again (KnownDigests)
        boolean known = KnownDigests.unchanged(file, sha256);
        MessageDigest digest;
        try {
            digest = known ? null : MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        RecordText text = new RecordText();
        RecordSplitter splitter = new RecordSplitter(text);
        try (InputStream in = Files.newInputStream(file)) {
            RecordScanner scanner = new RecordScanner(in, digest, -1);
            boolean more = true;
            while (more && rows.hasNext()) {
                int wanted = rows.next();
                if (wanted < 2) {
                    continue; // row 1 is the header; deletions of --prune have no row
                }
                while (scanner.row() < wanted && (more = scanner.next(scanner.row() + 1 == wanted))) {
                    // records before the wanted one are only scanned
                }
                if (more && scanner.row() == wanted && !scanner.blank()) {
                    text.set(new String(scanner.captured(), StandardCharsets.UTF_8));
                    String[] cells = splitter.next();
                    each.accept(wanted, cells == null ? List.of("") : List.of(cells));
                }
            }
            if (!known) {
                scanner.drain(); // the rest of the file goes into the digest; a trusted stamp needs none of it
            }
        } catch (RecordScanner.Unusual e) {
            return Outcome.UNUSUAL;
        }
        boolean same = known
                ? KnownDigests.unchanged(file, sha256)
                : HexFormat.of().formatHex(digest.digest()).equals(sha256);
        return same ? Outcome.READ : Outcome.CHANGED;
    }

    /** One record's text at a time, for one splitter: the end of each text ends its record. */
    private static final class RecordText extends Reader {
        private String text = "";
        private int position;

        void set(String next) {
            text = next;
            position = 0;
        }

        @Override
        public int read(char[] buffer, int off, int len) {
            if (position == text.length()) {
                return -1;
            }
            int n = Math.min(len, text.length() - position);
            text.getChars(position, position + n, buffer, off);
            position += n;
            return n;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}

package dev.qcl.results;

import java.util.ArrayList;
import java.util.List;

/**
 * The text form of a block of plain results ({@code QCL_RESULT_BLOCK.BODY}, described in its migration):
 * rows of one status, one after another, each text as its length and the text, so that no character
 * in a name or message can end a field.
 */
final class ResultBlocks {
    /** Characters per block, well under the column's 1,000,000: a long row starts a new block. */
    static final int BODY_CHARS = 200_000;

    private ResultBlocks() {}

    /** One block: rows {@code firstRow}..{@code lastRow} (not every row between) of {@code status}. */
    record Block(int firstRow, int lastRow, RowStatus status, int rowCount, String body, String tenant) {
        Block {
            tenant = tenant == null ? "" : tenant;
        }

        Block(int firstRow, int lastRow, RowStatus status, int rowCount, String body) {
            this(firstRow, lastRow, status, rowCount, body, "");
        }
    }

    /** What the rows of one block share: their status and their tenant (empty in a run over one). */
    record Kind(RowStatus status, String tenant) {}

    /** Whether a result is stored in a block: a plain outcome of an input row, never read on its own. */
    static boolean isBlockable(RowResult result) {
        return result.row() > 0
                && switch (result.status()) {
                    case CREATED, SKIPPED, CREATE, SKIP -> true;
                    default -> false;
                };
    }

    /** The blocks of {@code rows}, all of {@code status} and in row order; each body at most {@link #BODY_CHARS}. */
    static List<Block> encode(RowStatus status, List<RowResult> rows) {
        return encode(new Kind(status, ""), rows);
    }

    /** The blocks of {@code rows}, all of one kind and in row order; each body at most {@link #BODY_CHARS}. */
    static List<Block> encode(Kind kind, List<RowResult> rows) {
        RowStatus status = kind.status();
        List<Block> blocks = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        int first = 0;
        int last = 0;
        int count = 0;
        for (RowResult row : rows) {
            int mark = body.length();
            append(body, row);
            if (count > 0 && body.length() > BODY_CHARS) {
                String rest = body.substring(mark);
                body.setLength(mark);
                blocks.add(new Block(first, last, status, count, body.toString(), kind.tenant()));
                body.setLength(0);
                body.append(rest);
                count = 0;
            }
            if (count == 0) {
                first = row.row();
            }
            last = row.row();
            count++;
        }
        if (count > 0) {
            blocks.add(new Block(first, last, status, count, body.toString(), kind.tenant()));
        }
        return blocks;
    }

    private static void append(StringBuilder body, RowResult row) {
        body.append(row.row()).append(';');
        if (row.httpStatus() != null) {
            body.append(row.httpStatus().intValue());
        }
        body.append(';').append(row.attempts()).append(';');
        text(body, row.qName());
        text(body, row.space());
        text(body, row.dataSourceId());
        text(body, row.connectionId());
        text(body, row.message());
    }

    private static void text(StringBuilder body, String text) {
        body.append(text.length()).append(':').append(text);
    }

    /** The rows of a block's body, in the order they were written. */
    static List<RowResult> decode(RowStatus status, String body) {
        return decode(status, body, "");
    }

    /** The rows of a block's body of tenant {@code tenant}, in the order they were written. */
    static List<RowResult> decode(RowStatus status, String body, String tenant) {
        List<RowResult> rows = new ArrayList<>();
        Reader reader = new Reader(body);
        while (reader.hasMore()) {
            int row = reader.number(';');
            Integer httpStatus = reader.optionalNumber(';');
            int attempts = reader.number(';');
            rows.add(new RowResult(
                    row,
                    reader.text(),
                    reader.text(),
                    reader.text(),
                    status,
                    reader.text(),
                    httpStatus,
                    attempts,
                    reader.text(),
                    tenant));
        }
        return rows;
    }

    private static final class Reader {
        private final String body;
        private int at;

        Reader(String body) {
            this.body = body;
        }

        boolean hasMore() {
            return at < body.length();
        }

        int number(char end) {
            Integer number = optionalNumber(end);
            if (number == null) {
                throw corrupt("a number");
            }
            return number;
        }

        Integer optionalNumber(char end) {
            int stop = body.indexOf(end, at);
            if (stop < 0) {
                throw corrupt("'" + end + "'");
            }
            String digits = body.substring(at, stop);
            at = stop + 1;
            try {
                return digits.isEmpty() ? null : Integer.valueOf(digits);
            } catch (NumberFormatException e) {
                throw corrupt("a number");
            }
        }

        String text() {
            int length = number(':');
            if (length < 0 || at + length > body.length()) {
                throw corrupt("a text of " + length + " characters");
            }
            String text = body.substring(at, at + length);
            at += length;
            return text;
        }

        private IllegalStateException corrupt(String expected) {
            return new IllegalStateException(
                    "a result block of the job repository is damaged: expected " + expected + " at character " + at);
        }
    }
}

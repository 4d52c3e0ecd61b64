package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The byte scan finds the records the exact reader finds, or says the file is unusual. */
class RecordScannerTests {
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    /** What the scanner saw of one record. */
    record Scanned(boolean blank, String kept, List<String> cells) {}

    static List<Scanned> scan(byte[] bytes, int keepColumn) throws Exception {
        RecordScanner scanner = new RecordScanner(new ByteArrayInputStream(bytes), null, keepColumn);
        List<Scanned> records = new ArrayList<>();
        while (scanner.next(true)) {
            assertThat(scanner.row()).isEqualTo(records.size() + 1);
            records.add(new Scanned(scanner.blank(), scanner.kept(), cellsOf(scanner.captured())));
        }
        return records;
    }

    /** A captured record's cells, read the exact way. */
    static List<String> cellsOf(byte[] record) throws Exception {
        List<List<String>> records = RecordSplitterTests.split(new String(record, StandardCharsets.UTF_8));
        return records.isEmpty() ? List.of("") : records.get(0);
    }

    static String sheet(Random random, String[] extraPieces) {
        StringBuilder text = new StringBuilder();
        int records = random.nextInt(6);
        for (int r = 0; r < records; r++) {
            int cells = random.nextInt(4);
            for (int c = 0; c <= cells; c++) {
                String cell = random.nextInt(4) == 0 && extraPieces.length > 0
                        ? extraPieces[random.nextInt(extraPieces.length)]
                        : RecordSplitterTests.cell(random);
                text.append(c == 0 ? "" : ",").append(cell);
            }
            if (r < records - 1 || random.nextBoolean()) {
                text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
            }
        }
        return text.toString();
    }

    @Nested
    class ForPlainText {
        @Test
        void should_find_the_records_and_blank_rows_the_exact_reader_finds() throws Exception {
            Random random = new Random(11);
            String[] blanks = {"", " ", "\"\"", "\" \t\"", "\t"};
            for (int i = 0; i < 3_000; i++) {
                String text = sheet(random, blanks);
                List<List<String>> exact = RecordSplitterTests.split(text);

                List<Scanned> scanned = scan(text.getBytes(StandardCharsets.UTF_8), -1);

                assertThat(scanned).as("%s", text).hasSameSizeAs(exact);
                for (int r = 0; r < exact.size(); r++) {
                    assertThat(scanned.get(r).cells()).as("%s", text).isEqualTo(exact.get(r));
                    assertThat(scanned.get(r).blank())
                            .as("%s", text)
                            .isEqualTo(CsvSource.isBlank(exact.get(r).toArray(String[]::new)));
                }
            }
        }

        @Test
        void should_keep_the_cell_of_the_kept_column_unless_it_holds_a_line_break() throws Exception {
            Random random = new Random(12);
            int lineBreaksInKeptCell = 0;
            for (int i = 0; i < 3_000; i++) {
                String text = sheet(random, new String[0]);
                List<List<String>> exact = RecordSplitterTests.split(text);
                try {
                    List<Scanned> scanned = scan(text.getBytes(StandardCharsets.UTF_8), 1);

                    for (int r = 0; r < exact.size(); r++) {
                        List<String> cells = exact.get(r);
                        assertThat(scanned.get(r).kept())
                                .as("%s", text)
                                .isEqualTo(cells.size() > 1 ? cells.get(1) : null);
                    }
                } catch (RecordScanner.Unusual e) {
                    lineBreaksInKeptCell++;
                    assertThat(exact)
                            .as("%s", text)
                            .anySatisfy(cells -> assertThat(
                                            cells.size() > 1 && cells.get(1).contains("\n"))
                                    .isTrue());
                }
            }
            assertThat(lineBreaksInKeptCell).isBetween(1, 2_999);
        }

        @Test
        void should_drop_a_byte_order_mark_and_digest_every_byte() throws Exception {
            byte[] bytes = "\uFEFFqName,dataSourceId\r\na,b\r\n".getBytes(StandardCharsets.UTF_8);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            RecordScanner scanner = new RecordScanner(new ByteArrayInputStream(bytes), digest, 1);

            assertThat(scanner.next(true)).isTrue();
            assertThat(cellsOf(scanner.captured())).containsExactly("qName", "dataSourceId");
            assertThat(scanner.kept()).isEqualTo("dataSourceId");
            assertThat(scanner.next(false)).isTrue();
            assertThat(scanner.kept()).isEqualTo("b");
            assertThat(scanner.next(false)).isFalse();
            assertThat(HexFormat.of().formatHex(digest.digest()))
                    .isEqualTo(HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        }

        @Test
        void should_digest_the_rest_of_the_file_when_drained() throws Exception {
            byte[] bytes = ("h\n" + "x,y\n".repeat(50_000)).getBytes(StandardCharsets.UTF_8);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            RecordScanner scanner = new RecordScanner(new ByteArrayInputStream(bytes), digest, -1);

            scanner.next(false);
            scanner.drain();

            assertThat(digest.digest())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
        }

        @Test
        void should_tell_blank_records_by_unicode_white_space_as_string_is_blank() throws Exception {
            String text = " \u2003,\n\"\u3000\u1680\"\n\u00e9\n\u2013,\ud83d\ude00\n\u00a0\n\u2007\n";

            assertThat(scan(text.getBytes(StandardCharsets.UTF_8), -1))
                    .extracting(Scanned::blank)
                    .containsExactly(true, true, false, false, false, false);
        }

        @Test
        void should_count_a_last_record_without_line_end_and_no_record_after_a_last_line_end() throws Exception {
            assertThat(scan("a\nb".getBytes(StandardCharsets.UTF_8), -1)).hasSize(2);
            assertThat(scan("a\r\n\r\nb\r".getBytes(StandardCharsets.UTF_8), -1))
                    .extracting(Scanned::blank)
                    .containsExactly(false, true, false);
            assertThat(scan(new byte[0], -1)).isEmpty();
        }
    }

    @Nested
    class ForUnusualText {
        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }

        private static void assertUnusual(byte[] bytes) {
            assertThatThrownBy(() -> scan(bytes, -1))
                    .as("%s", Arrays.toString(bytes))
                    .isInstanceOf(RecordScanner.Unusual.class);
        }

        @Test
        void should_be_unusual_when_the_guard_would_refuse_the_quoting() {
            assertUnusual(bytes("a,b\"c\n"));
            assertUnusual(bytes("a, \"c\"\n"));
            assertUnusual(bytes("a,\"c\"d\n"));
            assertUnusual(bytes("a,\"c\"\u00e9\n"));
            assertUnusual(bytes("a,\"c\n"));
        }

        @Test
        void should_be_unusual_when_the_bytes_are_not_strict_utf8_or_hold_a_nul() {
            assertUnusual(new byte[] {'a', (byte) 0xE9, '\n'});
            assertUnusual(new byte[] {'a', (byte) 0xC0, (byte) 0xAF});
            assertUnusual(new byte[] {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80});
            assertUnusual(new byte[] {'a', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});
            assertUnusual(new byte[] {'a', (byte) 0xE2, (byte) 0x82});
            assertUnusual(new byte[] {'a', (byte) 0xE2, 'b', (byte) 0x82});
            assertUnusual(new byte[] {'a', 0, 'b'});
        }

        @Test
        void should_be_unusual_when_a_quoted_cell_has_more_line_breaks_than_the_guard_allows() throws Exception {
            assertUnusual(bytes("\"" + "\n".repeat(StrictCsvGuard.MAX_RECORD_LINES) + "\"\n"));
            assertThat(scan(bytes("\"" + "\r\n".repeat(10) + "\"\n"), -1)).hasSize(1);
        }

        @Test
        void should_scan_a_cell_just_under_the_guards_limit_and_leave_a_longer_one_to_the_exact_reader()
                throws Exception {
            // the scan counts a cell's line end too: a cell of exactly the limit goes the exact way, safely
            String longest = "x".repeat(StrictCsvGuard.MAX_CELL_CHARS - 1);

            assertThat(scan(bytes("a," + longest + "\n"), -1)).hasSize(1);
            assertThat(scan(bytes("a,\"" + longest.substring(2) + "\"\n"), -1)).hasSize(1);
            assertUnusual(bytes("a," + longest + "xx\n"));
            assertUnusual(bytes("a,\"" + longest + "\"\n"));
        }

        @Test
        void should_accept_every_utf8_length_and_the_edges_of_the_ranges() throws Exception {
            String text = "\u0080\u07FF,\u0800\uD7FF\uE000\uFFFF,\uD800\uDC00\uD8C0\uDC00\uDB7F\uDFFD\uDBFF\uDFFF\n";

            assertThat(scan(bytes(text), 1)).singleElement().satisfies(record -> {
                assertThat(record.kept()).isEqualTo("\u0800\uD7FF\uE000\uFFFF");
                assertThat(record.blank()).isFalse();
                assertThat(record.cells())
                        .isEqualTo(RecordSplitterTests.split(text).get(0));
            });
        }
    }
}

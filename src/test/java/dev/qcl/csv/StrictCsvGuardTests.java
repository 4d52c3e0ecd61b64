package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The guard between the UTF-8 decoder and the CSV parser, read directly. */
class StrictCsvGuardTests {
    private static final int MIB = 1 << 20;

    /** Reads {@code text} through a guard to the end, in chunks as the parser does; returns the guard. */
    private static StrictCsvGuard readAll(String text) throws IOException {
        StrictCsvGuard guard = new StrictCsvGuard(new StringReader(text));
        char[] buffer = new char[8192];
        while (guard.read(buffer, 0, buffer.length) >= 0) {
            // the guard checks as it goes
        }
        return guard;
    }

    private static String cells(int count, int length) {
        StringBuilder record = new StringBuilder();
        for (int i = 0; i < count; i++) {
            record.append(i == 0 ? "" : ",").append("x".repeat(length));
        }
        return record.toString();
    }

    @Nested
    class RowNumbers {
        @Test
        void should_count_records_ended_by_line_feeds() throws IOException {
            assertThat(readAll("a,b\nc,d\ne,f\n").row()).isEqualTo(4);
        }

        @Test
        void should_count_a_carriage_return_and_line_feed_as_one_line_end() throws IOException {
            assertThat(readAll("a,b\r\nc,d\r\ne,f\r\n").row()).isEqualTo(4);
        }

        @Test
        void should_count_records_ended_by_carriage_returns_alone() throws IOException {
            assertThat(readAll("a,b\rc,d\r").row()).isEqualTo(3);
        }

        @Test
        void should_not_count_line_breaks_inside_a_quoted_cell() throws IOException {
            assertThat(readAll("a,\"b\nc\r\nd\"\ne,f\n").row()).isEqualTo(3);
        }

        @Test
        void should_name_the_row_of_a_bad_record_after_crlf_line_ends() {
            assertThatThrownBy(() -> readAll("a,b\r\nc,d\r\ne,f\"g\r\n"))
                    .isInstanceOfSatisfying(
                            StrictCsvGuard.BadRecordException.class,
                            e -> assertThat(e.row).isEqualTo(3));
        }
    }

    @Nested
    class Quoting {
        @Test
        void should_accept_doubled_quotes_inside_a_quoted_cell() throws IOException {
            assertThat(readAll("\"say \"\"hi\"\"\",b\n").row()).isEqualTo(2);
        }

        @Test
        void should_reject_a_quote_after_text_in_an_unquoted_cell() {
            assertThatThrownBy(() -> readAll("a,12\" pipe\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessageStartingWith("row 1: a quote (\") inside a cell that does not start with a quote");
        }

        @Test
        void should_reject_text_after_the_closing_quote() {
            assertThatThrownBy(() -> readAll("\"a\"b,c\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessageContaining("there is text after the closing quote of a cell");
        }

        @Test
        void should_reject_a_quote_left_open_at_the_end_of_the_text() {
            assertThatThrownBy(() -> readAll("a,\"b\nc\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessage("row 1: " + InputFileException.UNCLOSED_QUOTE);
        }

        @Test
        void should_answer_a_read_of_no_characters_inside_an_open_quote_without_an_error() throws IOException {
            // given: the reader stands inside a quoted cell
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("\"ab"));
            char[] buffer = new char[2];
            guard.read(buffer, 0, 2);

            // when
            int read = guard.read(buffer, 0, 0);

            // then: nothing was asked, so nothing ended yet
            assertThat(read).isZero();
        }
    }

    @Nested
    class Limits {
        @Test
        void should_accept_a_cell_of_exactly_one_mebibyte() throws IOException {
            assertThat(readAll("a," + "x".repeat(MIB) + "\n").row()).isEqualTo(2);
        }

        @Test
        void should_reject_a_cell_one_character_longer_than_one_mebibyte() {
            assertThatThrownBy(() -> readAll("a," + "x".repeat(MIB + 1) + "\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessageContaining("a cell is longer than 1 MiB");
        }

        @Test
        void should_accept_a_record_of_exactly_sixteen_mebibytes() throws IOException {
            // given: 15 cells of 1 MiB, their 15 commas and a last cell that makes 16 MiB in all
            String record = cells(15, MIB) + "," + "x".repeat(MIB - 15);
            assertThat(record).hasSize(16 * MIB);

            // then
            assertThat(readAll(record + "\nnext\n").row()).isEqualTo(3);
        }

        @Test
        void should_reject_a_record_one_character_longer_than_sixteen_mebibytes() {
            String record = cells(15, MIB) + "," + "x".repeat(MIB - 14);

            assertThatThrownBy(() -> readAll(record + "\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessage("row 1: the row is longer than 16 MiB; split it or shorten its cells");
        }

        @Test
        void should_accept_a_quoted_cell_of_exactly_one_thousand_lines() throws IOException {
            assertThat(readAll("a,\"" + "line\n".repeat(999) + "last\"\nnext\n").row())
                    .isEqualTo(3);
        }

        @Test
        void should_count_a_carriage_return_and_line_feed_inside_a_quoted_cell_as_one_line() throws IOException {
            assertThat(readAll("a,\"" + "line\r\n".repeat(999) + "last\"\r\nnext\r\n")
                            .row())
                    .isEqualTo(3);
        }

        @Test
        void should_reject_a_quoted_cell_of_one_thousand_and_one_lines() {
            assertThatThrownBy(() -> readAll("a,\"" + "line\n".repeat(1000) + "last\"\n"))
                    .isInstanceOf(StrictCsvGuard.BadRecordException.class)
                    .hasMessageContaining("a quoted cell spans more than 1000 lines");
        }

        @Test
        void should_start_counting_afresh_for_each_record() throws IOException {
            // given: two records of 1 MiB cells and 999-line quoted cells, each within the limits
            String record = "x".repeat(MIB) + ",\"" + "line\n".repeat(999) + "last\"\n";

            // then
            assertThat(readAll(record + record).row()).isEqualTo(3);
        }

        @Test
        void should_start_counting_afresh_for_each_cell() throws IOException {
            assertThat(readAll(cells(3, MIB) + "\n").row()).isEqualTo(2);
        }
    }

    @Nested
    class ReaderContract {
        @Test
        void should_return_one_character_at_a_time_then_minus_one() throws IOException {
            // given
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("a,\u00e9"));

            // then
            assertThat(guard.read()).isEqualTo('a');
            assertThat(guard.read()).isEqualTo(',');
            assertThat(guard.read()).isEqualTo('\u00e9');
            assertThat(guard.read()).isEqualTo(-1);
        }

        @Test
        void should_check_characters_read_one_at_a_time() throws IOException {
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("a\"b"));
            guard.read();

            assertThatThrownBy(guard::read).isInstanceOf(StrictCsvGuard.BadRecordException.class);
        }

        @Test
        void should_skip_the_number_of_characters_asked_for_beyond_one_buffer() throws IOException {
            // given
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("x".repeat(20_000) + "yz"));

            // when
            long skipped = guard.skip(20_001);

            // then
            assertThat(skipped).isEqualTo(20_001);
            assertThat(guard.read()).isEqualTo('z');
        }

        @Test
        void should_skip_only_to_the_end_of_the_text() throws IOException {
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("abc"));

            assertThat(guard.skip(10)).isEqualTo(3);
            assertThat(guard.read()).isEqualTo(-1);
        }

        @Test
        void should_check_the_text_it_skips() {
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("a,b\"c\n"));

            assertThatThrownBy(() -> guard.skip(10)).isInstanceOf(StrictCsvGuard.BadRecordException.class);
        }

        @Test
        void should_count_the_rows_it_skips() throws IOException {
            StrictCsvGuard guard = new StrictCsvGuard(new StringReader("a\nb\nc"));

            guard.skip(4);

            assertThat(guard.row()).isEqualTo(3);
        }

        @Test
        void should_not_support_mark_and_reset() {
            // a reset would replay text the guard has already counted
            assertThat(new StrictCsvGuard(new StringReader("a")).markSupported())
                    .isFalse();
        }
    }
}

package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The guess named in the "not UTF-8" message, from the first bytes of a file. */
class EncodingGuessTests {
    private static final String WINDOWS_1252 = "probably Windows-1252 / ISO-8859-1";
    private static final String BINARY = "binary content, not a text CSV";

    /** {@code length} bytes of {@code fill}, with {@code value} at each of {@code positions}. */
    private static byte[] bytes(int length, int fill, int value, int... positions) {
        byte[] sample = new byte[length];
        Arrays.fill(sample, (byte) fill);
        for (int position : positions) {
            sample[position] = (byte) value;
        }
        return sample;
    }

    @Nested
    class Signatures {
        @Test
        void should_name_utf16_le_when_the_sample_starts_with_its_byte_order_mark() {
            assertThat(EncodingGuess.describe(new byte[] {(byte) 0xFF, (byte) 0xFE, 'q', 0}))
                    .isEqualTo("UTF-16 LE (it starts with a UTF-16 byte-order mark)");
        }

        @Test
        void should_name_utf16_le_when_the_sample_is_only_its_byte_order_mark() {
            assertThat(EncodingGuess.describe(new byte[] {(byte) 0xFF, (byte) 0xFE}))
                    .isEqualTo("UTF-16 LE (it starts with a UTF-16 byte-order mark)");
        }

        @Test
        void should_name_utf16_be_when_the_sample_starts_with_its_byte_order_mark() {
            assertThat(EncodingGuess.describe(new byte[] {(byte) 0xFE, (byte) 0xFF, 0, 'q'}))
                    .isEqualTo("UTF-16 BE (it starts with a UTF-16 byte-order mark)");
        }

        @Test
        void should_name_an_xlsx_workbook_when_the_sample_starts_like_a_zip_file() {
            assertThat(EncodingGuess.describe(new byte[] {'P', 'K', 3, 4, 20, 0}))
                    .isEqualTo("a ZIP file, probably an Excel workbook (.xlsx), not a text CSV");
        }

        @Test
        void should_name_an_xls_workbook_when_the_sample_starts_like_an_ole2_file() {
            assertThat(EncodingGuess.describe(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1}))
                    .isEqualTo("an Excel 97-2003 workbook (.xls), not a text CSV");
        }

        @Test
        void should_not_take_a_sample_shorter_than_a_signature_for_that_signature() {
            // given: the first three bytes of a ZIP signature, then nothing
            byte[] sample = {'P', 'K', 3};

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }

        @Test
        void should_not_take_a_sample_for_a_signature_when_one_of_its_bytes_differs() {
            assertThat(EncodingGuess.describe(new byte[] {'P', 'K', 3, 5, 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'}))
                    .isEqualTo(BINARY);
            assertThat(EncodingGuess.describe(new byte[] {(byte) 0xFF, 'a', 'b', 'c'}))
                    .isEqualTo(WINDOWS_1252);
        }
    }

    @Nested
    class NulPattern {
        @Test
        void should_name_utf16_le_when_ascii_text_has_a_nul_after_every_character() {
            // given: no byte-order mark
            byte[] sample = "qName,dataSourceId\n".getBytes(StandardCharsets.UTF_16LE);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo("UTF-16 LE");
        }

        @Test
        void should_name_utf16_be_when_ascii_text_has_a_nul_before_every_character() {
            byte[] sample = "qName,dataSourceId\n".getBytes(StandardCharsets.UTF_16BE);

            assertThat(EncodingGuess.describe(sample)).isEqualTo("UTF-16 BE");
        }

        @Test
        void should_name_utf16_le_when_a_quarter_of_the_bytes_are_nul_and_nine_in_ten_at_odd_offsets() {
            // given: 40 bytes, 10 NULs: 9 at odd offsets, 1 at an even one (both limits met exactly)
            byte[] sample = bytes(40, 'a', 0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 20);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo("UTF-16 LE");
        }

        @Test
        void should_name_utf16_be_when_a_quarter_of_the_bytes_are_nul_and_nine_in_ten_at_even_offsets() {
            // given: 40 bytes, 10 NULs: 9 at even offsets, 1 at an odd one
            byte[] sample = bytes(40, 'a', 0, 0, 2, 4, 6, 8, 10, 12, 14, 16, 21);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo("UTF-16 BE");
        }

        @Test
        void should_call_it_binary_when_fewer_than_a_quarter_of_the_bytes_are_nul() {
            // given: 41 bytes, 10 NULs, all at odd offsets
            byte[] sample = bytes(41, 'a', 0, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }

        @Test
        void should_call_it_binary_when_nuls_are_spread_over_odd_and_even_offsets() {
            // given: half the bytes are NUL, 8 at odd and 2 at even offsets: neither UTF-16 pattern
            byte[] sample = bytes(20, 'a', 0, 1, 3, 5, 7, 9, 11, 13, 15, 0, 2);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }

        @Test
        void should_call_it_binary_when_there_is_a_single_nul_in_text() {
            byte[] sample = bytes(100, 'a', 0, 50);

            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }
    }

    @Nested
    class ControlBytes {
        @Test
        void should_take_tabs_line_breaks_and_form_feeds_for_text() {
            // given: Windows-1252 text ("café") among many whitespace control characters
            byte[] sample = {'c', 'a', 'f', (byte) 0xE9, '\t', '\t', '\r', '\n', '\r', '\n', '\f', '\f', ' ', ' '};

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(WINDOWS_1252);
        }

        @Test
        void should_take_spaces_for_text() {
            byte[] sample = bytes(20, ' ', 'x', 0);

            assertThat(EncodingGuess.describe(sample)).isEqualTo(WINDOWS_1252);
        }

        @Test
        void should_call_it_binary_when_more_than_a_tenth_of_the_bytes_are_control_characters() {
            // given: 3 in 20 bytes below 0x20 that are not whitespace
            byte[] sample = bytes(20, 'a', 0x1F, 0, 1, 2);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }

        @Test
        void should_count_delete_as_a_control_character() {
            byte[] sample = bytes(20, 'a', 0x7F, 0, 1, 2);

            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }

        @Test
        void should_take_text_for_text_when_exactly_a_tenth_of_the_bytes_are_control_characters() {
            // given: 2 in 20
            byte[] sample = bytes(20, 'a', 0x01, 0, 1);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(WINDOWS_1252);
        }

        @Test
        void should_call_it_binary_when_control_characters_are_a_third_of_a_short_sample() {
            // given: 5 in 15
            byte[] sample = bytes(15, 'a', 0x02, 0, 3, 6, 9, 12);

            // then
            assertThat(EncodingGuess.describe(sample)).isEqualTo(BINARY);
        }
    }
}

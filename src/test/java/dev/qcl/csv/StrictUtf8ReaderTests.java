package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The strict UTF-8 decoder under the CSV parser, fed as a slow stream or a pipe would feed it. */
class StrictUtf8ReaderTests {

    /** A stream that hands out its bytes in the given pieces, one piece a read, as a pipe or socket may. */
    private static final class PiecewiseStream extends InputStream {
        private final Deque<byte[]> pieces = new ArrayDeque<>();
        private boolean closed;

        PiecewiseStream(byte[]... pieces) {
            this.pieces.addAll(Arrays.asList(pieces));
        }

        /** One byte a read. */
        static PiecewiseStream byteByByte(byte[] bytes) {
            PiecewiseStream stream = new PiecewiseStream();
            for (byte b : bytes) {
                stream.pieces.add(new byte[] {b});
            }
            return stream;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException("the reader reads into its buffer");
        }

        @Override
        public int read(byte[] target, int off, int len) {
            if (pieces.isEmpty()) {
                return -1;
            }
            byte[] piece = pieces.peek();
            int n = Math.min(len, piece.length);
            System.arraycopy(piece, 0, target, off, n);
            pieces.pop();
            if (n < piece.length) {
                pieces.push(Arrays.copyOfRange(piece, n, piece.length));
            }
            return n;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Everything the reader delivers until the end, or until it fails (then the text so far is in the result). */
    private static Outcome readAll(InputStream in) {
        StringBuilder text = new StringBuilder();
        try (StrictUtf8Reader reader = new StrictUtf8Reader(in)) {
            char[] buffer = new char[1000];
            for (int n = reader.read(buffer, 0, buffer.length); n >= 0; n = reader.read(buffer, 0, buffer.length)) {
                text.append(buffer, 0, n);
            }
            return new Outcome(text.toString(), null);
        } catch (StrictUtf8Reader.NotUtf8Exception e) {
            return new Outcome(text.toString(), e);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private record Outcome(String text, StrictUtf8Reader.NotUtf8Exception failure) {}

    @Nested
    class GoodText {
        @Test
        void should_decode_characters_whose_bytes_arrive_in_separate_reads() {
            // given: 2-, 3- and 4-byte characters, one byte a read
            String text = "caf\u00e9 \u20ac \uD83D\uDE00 end";

            // when
            Outcome outcome = readAll(PiecewiseStream.byteByByte(utf8(text)));

            // then
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.text()).isEqualTo(text);
        }

        @Test
        void should_decode_text_longer_than_its_buffers_with_a_character_across_each_boundary() {
            // given: 2-byte characters at odd offsets, so that one of them straddles every 64 KiB boundary
            String text = "a" + "\u00e9".repeat(100_000);

            // when
            Outcome outcome = readAll(new ByteArrayInputStream(utf8(text)));

            // then
            assertThat(outcome.failure()).isNull();
            assertThat(outcome.text()).isEqualTo(text);
        }

        @Test
        void should_drop_a_leading_byte_order_mark_that_arrives_byte_by_byte() {
            Outcome outcome = readAll(PiecewiseStream.byteByByte(utf8("\uFEFFqName")));

            assertThat(outcome.text()).isEqualTo("qName");
        }

        @Test
        void should_keep_a_byte_order_mark_that_is_not_at_the_start() {
            Outcome outcome = readAll(new ByteArrayInputStream(utf8("a\uFEFFb")));

            assertThat(outcome.text()).isEqualTo("a\uFEFFb");
        }

        @Test
        void should_answer_a_read_of_no_characters_with_zero() throws IOException {
            StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(new byte[0]));

            assertThat(reader.read(new char[1], 0, 0)).isZero();
            assertThat(reader.read(new char[1], 0, 1)).isEqualTo(-1);
            assertThat(reader.read(new char[1], 0, 1)).isEqualTo(-1);
        }

        @Test
        void should_close_the_stream_it_reads() throws IOException {
            PiecewiseStream stream = new PiecewiseStream(utf8("a"));

            new StrictUtf8Reader(stream).close();

            assertThat(stream.closed).isTrue();
        }
    }

    @Nested
    class BadBytes {
        @Test
        void should_name_the_file_offset_of_a_bad_byte_that_arrives_in_a_later_read() {
            // given: good text in three reads, then a Windows-1252 "é"
            byte[] bytes = TestFiles.concat(utf8("qName,dataSourceId\nab"), new byte[] {(byte) 0xE9, 'x'});

            // when
            Outcome outcome = readAll(new PiecewiseStream(
                    Arrays.copyOfRange(bytes, 0, 5),
                    Arrays.copyOfRange(bytes, 5, 12),
                    Arrays.copyOfRange(bytes, 12, bytes.length)));

            // then: every good character came out first
            assertThat(outcome.text()).isEqualTo("qName,dataSourceId\nab");
            assertThat(outcome.failure().offset).isEqualTo(21);
            assertThat(outcome.failure().badByte).isEqualTo(0xE9);
        }

        @Test
        void should_name_the_file_offset_of_a_bad_byte_read_one_byte_at_a_time() {
            byte[] bytes = TestFiles.concat(utf8("\u00e9t\u00e9 "), new byte[] {(byte) 0xFC});

            Outcome outcome = readAll(PiecewiseStream.byteByByte(bytes));

            assertThat(outcome.text()).isEqualTo("\u00e9t\u00e9 ");
            assertThat(outcome.failure().offset).isEqualTo(6);
        }

        @Test
        void should_name_the_file_offset_of_a_nul_byte_that_arrives_in_a_later_read() {
            Outcome outcome = readAll(new PiecewiseStream(utf8("abc"), utf8("de"), new byte[] {'f', 0, 'g'}));

            assertThat(outcome.text()).isEqualTo("abcdef");
            assertThat(outcome.failure().offset).isEqualTo(6);
            assertThat(outcome.failure().badByte).isZero();
        }

        @Test
        void should_deliver_nothing_after_a_nul_byte_that_follows_the_end_of_a_split_character() {
            // given: "é" split over two reads, and a NUL right after its second byte
            Outcome outcome =
                    readAll(new PiecewiseStream(new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xA9, 0, 'A', 'B'}));

            // then
            assertThat(outcome.text()).isEqualTo("\u00e9");
            assertThat(outcome.failure().offset).isEqualTo(2);
        }

        @Test
        void should_keep_the_first_bytes_of_the_file_as_the_sample_for_the_guess() {
            // given: the bad byte comes in a later read than the first
            Outcome outcome = readAll(new PiecewiseStream(utf8("first"), new byte[] {(byte) 0xE9}));

            // then
            assertThat(outcome.failure().sample).isEqualTo(utf8("first"));
        }

        @Test
        void should_fail_again_when_asked_again_after_a_bad_byte() throws IOException {
            StrictUtf8Reader reader = new StrictUtf8Reader(new ByteArrayInputStream(new byte[] {'a', (byte) 0xFF}));
            char[] buffer = new char[10];
            assertThat(reader.read(buffer, 0, 10)).isEqualTo(1);

            assertThatThrownBy(() -> reader.read(buffer, 0, 10)).isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class);
            assertThatThrownBy(() -> reader.read(buffer, 0, 10)).isInstanceOf(StrictUtf8Reader.NotUtf8Exception.class);
        }

        @Test
        void should_fail_on_a_character_cut_off_by_the_end_of_the_file() {
            Outcome outcome = readAll(new ByteArrayInputStream(new byte[] {'a', (byte) 0xE2, (byte) 0x82}));

            assertThat(outcome.text()).isEqualTo("a");
            assertThat(outcome.failure().offset).isEqualTo(1);
            assertThat(outcome.failure().badByte).isEqualTo(0xE2);
        }
    }
}

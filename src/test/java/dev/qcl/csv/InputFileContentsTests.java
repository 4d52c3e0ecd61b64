package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FilterInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What an inspection learns about a file besides "it is readable": data source IDs and the digest. */
class InputFileContentsTests {
    @TempDir
    Path dir;

    @Nested
    class DataSourceIds {
        @Test
        void should_collect_the_distinct_data_source_ids_stripped() {
            // given
            Path file = TestFiles.write(dir, "qName,dataSourceId\na, rest \nb,rest\nc,postgres\n\n");

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            assertThat(inspected.dataSourceIds()).containsExactlyInAnyOrder("rest", "postgres");
        }

        @Test
        void should_skip_a_row_too_short_to_have_a_data_source_id() {
            // given: the id is the third column, and row 3 has two cells
            Path file = TestFiles.write(dir, "qName,space,dataSourceId\na,s,rest\nb,s\n");

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            assertThat(inspected.dataRows()).isEqualTo(2);
            assertThat(inspected.dataSourceIds()).containsExactly("rest");
        }

        @Test
        void should_collect_at_most_one_thousand_data_source_ids() {
            // given
            StringBuilder text = new StringBuilder("qName,dataSourceId\n");
            for (int i = 0; i < InputFile.MAX_DATA_SOURCE_IDS + 5; i++) {
                text.append("c").append(i).append(",ds").append(i).append('\n');
            }

            // when
            InputFile inspected = InputFiles.inspect(TestFiles.write(dir, text.toString()));

            // then
            assertThat(inspected.dataRows()).isEqualTo(InputFile.MAX_DATA_SOURCE_IDS + 5);
            assertThat(inspected.dataSourceIds())
                    .hasSize(InputFile.MAX_DATA_SOURCE_IDS)
                    .contains("ds0", "ds999");
        }
    }

    @Nested
    class Digest {
        @Test
        void should_hash_the_bytes_of_a_file_as_inspect_does() throws NoSuchAlgorithmException {
            // given: larger than the 64 KiB read buffer
            String text = "qName,dataSourceId\n" + "a,b\n".repeat(20_000);
            Path file = TestFiles.write(dir, text);

            // when
            String sha256 = InputFiles.sha256(file);

            // then
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            assertThat(sha256)
                    .isEqualTo(HexFormat.of().formatHex(expected))
                    .isEqualTo(InputFiles.inspect(file).sha256());
        }

        @Test
        void should_hash_an_empty_file_without_parsing_it() {
            assertThat(InputFiles.sha256(TestFiles.write(dir, "")))
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        }

        @Test
        void should_refuse_a_missing_file_or_a_folder() {
            assertThatThrownBy(() -> InputFiles.sha256(dir.resolve("gone.csv")))
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("does not exist");
            assertThatThrownBy(() -> InputFiles.sha256(dir)).isInstanceOf(InputFileException.class);
        }
    }

    @Nested
    class Values {
        @Test
        void should_accept_an_input_file_of_no_data_rows_as_a_value_but_not_a_negative_count() {
            CsvHeader header = new CsvHeader(List.of("qName", "dataSourceId"));
            String sha = "0".repeat(64);

            assertThat(new InputFile(dir, header, sha, 0, Set.of()).dataRows()).isZero();
            assertThatThrownBy(() -> new InputFile(dir, header, sha, -1, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new InputFile(dir, header, "ABC", 1, Set.of()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void should_answer_an_empty_cell_beyond_either_end_of_a_row() {
            InputRow row = new InputRow(2, List.of("a", "b"));

            assertThat(row.cell(0)).isEqualTo("a");
            assertThat(row.cell(1)).isEqualTo("b");
            assertThat(row.cell(2)).isEmpty();
            assertThat(row.cell(-1)).isEmpty();
        }

        @Test
        void should_refuse_a_data_row_numbered_as_the_header() {
            assertThat(new InputRow(2, List.of()).row()).isEqualTo(2);
            assertThatThrownBy(() -> new InputRow(1, List.of())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void should_take_hash_columns_for_comments_and_other_non_blank_unreserved_columns_for_properties() {
            assertThat(CsvHeader.isComment("# note")).isTrue();
            assertThat(CsvHeader.isComment("note #")).isFalse();
            assertThat(CsvHeader.isProperty("host")).isTrue();
            assertThat(CsvHeader.isProperty("# host")).isFalse();
            assertThat(CsvHeader.isProperty("qName")).isFalse();
            assertThat(CsvHeader.isProperty("tags")).isFalse();
            assertThat(CsvHeader.isProperty(" ")).isFalse();
        }
    }

    @Nested
    class Messages {
        private final Path file = Path.of("connections.csv");

        @Test
        void should_name_the_file_it_is_about() {
            assertThat(InputFileException.missingFile(file).file()).isEqualTo(file);
        }

        @Test
        void should_say_why_a_file_cannot_be_read_and_what_to_check() {
            assertThat(InputFileException.unreadable(file, "access denied"))
                    .hasMessage(
                            "connections.csv: the input file cannot be read (access denied); check its permissions");
        }

        @Test
        void should_name_the_row_of_an_unclosed_quote_or_a_malformed_record() {
            assertThat(InputFileException.unclosedQuote(file, 7))
                    .hasMessage("connections.csv: row 7: " + InputFileException.UNCLOSED_QUOTE);
            assertThat(InputFileException.malformed(file, 8, "odd"))
                    .hasMessage("connections.csv: row 8 cannot be read as CSV (odd); check the quotes in that row");
        }

        @Test
        void should_keep_a_message_on_one_line_whatever_the_file_name_or_cell() {
            assertThat(InputFileException.duplicateColumn(Path.of("a\nb.csv"), "x\ty\r", 1, 2)
                            .getMessage())
                    .isEqualTo("a\\nb.csv: the header has the column 'x\\ty\\r' twice (columns 1 and 2);"
                            + " rename or remove one of them");
        }
    }

    @Nested
    class Closing {
        @Test
        void should_close_the_file_stream_when_a_source_is_closed() {
            // given
            Path file = TestFiles.write(dir, "qName,dataSourceId\na,b\n");
            boolean[] closed = {false};
            CsvSource source = CsvSource.open(file, in -> new FilterInputStream(in) {
                @Override
                public void close() throws IOException {
                    closed[0] = true;
                    super.close();
                }
            });
            source.next();

            // when
            source.close();

            // then
            assertThat(closed[0]).isTrue();
        }

        @Test
        void should_let_a_reader_be_closed_before_it_is_opened_and_closed_twice() {
            ConnectionCsvReader reader = new ConnectionCsvReader(TestFiles.write(dir, "qName,dataSourceId\na,b\n"));
            reader.close();
            reader.open(new ExecutionContext());

            reader.close();
            reader.close();

            assertThatThrownBy(reader::read).hasMessageContaining("is not open");
        }

        @Test
        void should_release_the_file_when_a_reader_is_closed() throws IOException {
            // given: this process's open files are listed under /proc on Linux
            Path openFiles = Path.of("/proc/self/fd");
            assumeTrue(Files.isDirectory(openFiles), "needs /proc/self/fd");
            Path file = TestFiles.write(dir, "qName,dataSourceId\na,b\n").toRealPath();
            ConnectionCsvReader reader = new ConnectionCsvReader(file);
            reader.open(new ExecutionContext());
            assertThat(openHandles(openFiles, file)).isOne();

            // when
            reader.close();

            // then
            assertThat(openHandles(openFiles, file)).isZero();
        }

        private static long openHandles(Path openFiles, Path file) throws IOException {
            try (var descriptors = Files.list(openFiles)) {
                return descriptors
                        .filter(descriptor -> {
                            try {
                                return Files.readSymbolicLink(descriptor).equals(file);
                            } catch (IOException gone) {
                                return false; // closed while listing, or the listing's own descriptor
                            }
                        })
                        .count();
            }
        }
    }
}

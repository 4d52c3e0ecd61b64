package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class ConnectionCsvReaderTests {
    @TempDir
    Path dir;

    private List<InputRow> readAll(String text) {
        return readAll(TestFiles.write(dir, text));
    }

    private static List<InputRow> readAll(Path file) {
        ConnectionCsvReader reader = new ConnectionCsvReader(file);
        reader.open(new ExecutionContext());
        try {
            List<InputRow> rows = new ArrayList<>();
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            return rows;
        } finally {
            reader.close();
        }
    }

    @Nested
    class Format {
        @Test
        void should_remove_byte_order_mark_from_first_header_cell() {
            // given
            Path file = TestFiles.write(
                    dir,
                    TestFiles.concat(
                            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                            "qName,dataSourceId\na,b\n".getBytes(StandardCharsets.UTF_8)));
            ConnectionCsvReader reader = new ConnectionCsvReader(file);

            // when
            reader.open(new ExecutionContext());

            // then
            assertThat(reader.header().columns()).containsExactly("qName", "dataSourceId");
            assertThat(reader.read()).isEqualTo(new InputRow(2, List.of("a", "b")));
            reader.close();
        }

        @Test
        void should_read_crlf_line_ends_and_return_crlf_inside_quoted_cell_as_lf() {
            // given
            String text = "qName,dataSourceId\r\n\"two\r\nlines\",x\r\nlast,y\r\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows)
                    .containsExactly(
                            new InputRow(2, List.of("two\nlines", "x")), new InputRow(3, List.of("last", "y")));
        }

        @Test
        void should_keep_commas_doubled_quotes_and_line_breaks_inside_quoted_cells() {
            // given
            String text = "qName,dataSourceId\n\"a,b\",\"say \"\"hi\"\"\"\n\"line1\nline2\",\"\"\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows)
                    .containsExactly(
                            new InputRow(2, List.of("a,b", "say \"hi\"")),
                            new InputRow(3, List.of("line1\nline2", "")));
        }

        @Test
        void should_keep_backslashes_as_ordinary_characters() {
            // given
            String text = "qName,dataSourceId,path,pattern\nn,ds,C:\\data\\new\\,\"^\\d+\\.csv$\"\nm,ds,a\\,b\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows.get(0).cells()).containsExactly("n", "ds", "C:\\data\\new\\", "^\\d+\\.csv$");
            assertThat(rows.get(1).cells()).containsExactly("m", "ds", "a\\", "b");
        }

        @Test
        void should_return_cells_untrimmed_and_comment_columns_as_ordinary_cells() {
            // given
            String text = "qName,# note,dataSourceId\n  spaced name ,remember me, ds \n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows).containsExactly(new InputRow(2, List.of("  spaced name ", "remember me", " ds ")));
        }

        @Test
        void should_return_records_with_more_or_fewer_cells_than_the_header_as_they_are() {
            // given
            String text = "qName,dataSourceId,host\na,b\nc,d,e,f\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows).extracting(row -> row.cells().size()).containsExactly(2, 4);
            assertThat(rows.get(1).cells()).containsExactly("c", "d", "e", "f");
        }

        @Test
        void should_read_last_line_without_newline() {
            // when
            List<InputRow> rows = readAll("qName,dataSourceId\na,b\nc,d");

            // then
            assertThat(rows).extracting(InputRow::row).containsExactly(2, 3);
            assertThat(rows.get(1).cells()).containsExactly("c", "d");
        }
    }

    @Nested
    class RoundTrip {
        private static final String[] PIECES = {
            "a", "Z", ",", "\"", "\"\"", "\n", "\r\n", "\\", " ", "é", "€", ";", "\t"
        };

        @Test
        void should_read_back_every_cell_a_strict_rfc4180_writer_wrote() {
            // given: random cells quoted the RFC 4180 way, each row with a line break or CRLF somewhere
            Random random = new Random(42);
            List<List<String>> written = new ArrayList<>();
            StringBuilder text = new StringBuilder("qName,dataSourceId,x\r\n");
            for (int r = 0; r < 2000; r++) {
                List<String> cells = List.of("q" + r, randomCell(random), randomCell(random));
                written.add(cells);
                text.append(String.join(
                        ",",
                        cells.stream()
                                .map(c -> "\"" + c.replace("\"", "\"\"") + "\"")
                                .toList()));
                text.append(r % 2 == 0 ? "\n" : "\r\n");
            }

            // when
            List<InputRow> rows = readAll(text.toString());

            // then: line breaks inside cells come back as LF
            assertThat(rows).hasSize(written.size());
            for (int i = 0; i < rows.size(); i++) {
                List<String> expected = written.get(i).stream()
                        .map(c -> c.replace("\r\n", "\n"))
                        .toList();
                assertThat(rows.get(i)).isEqualTo(new InputRow(i + 2, expected));
            }
        }

        private static String randomCell(Random random) {
            StringBuilder cell = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                cell.append(PIECES[random.nextInt(PIECES.length)]);
            }
            return cell.toString();
        }
    }

    @Nested
    class RowNumbers {
        @Test
        void should_skip_blank_records_but_keep_their_place_in_the_numbering() {
            // given: row 3 empty, row 5 whitespace only, row 6 empty cells as spreadsheets export them
            String text = "qName,dataSourceId,host\na,b,c\n\nd,e,f\n   \n,,\n, ,\ng,h,i\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows).extracting(InputRow::row).containsExactly(2, 4, 8);
        }

        @Test
        void should_count_a_record_with_quoted_line_breaks_as_one_row() {
            // given
            String text = "qName,dataSourceId\n\"first\nsecond\nthird\",x\nnext,y\n";

            // when
            List<InputRow> rows = readAll(text);

            // then
            assertThat(rows).extracting(InputRow::row).containsExactly(2, 3);
            assertThat(rows.get(1).cells()).containsExactly("next", "y");
        }

        @Test
        void should_return_null_when_file_has_only_a_header() {
            // when
            List<InputRow> rows = readAll("qName,dataSourceId\n");

            // then
            assertThat(rows).isEmpty();
        }
    }

    @Nested
    class Restart {
        private static final String TEXT = "qName,dataSourceId\nr2,x\nr3,x\n\nr5,x\nr6,x\n";

        @Test
        void should_continue_after_the_saved_position_when_reopened_with_its_context() {
            // given: a first run read three rows (2, 3 and 5) and committed
            Path file = TestFiles.write(dir, TEXT);
            ExecutionContext context = new ExecutionContext();
            ConnectionCsvReader first = new ConnectionCsvReader(file);
            first.open(context);
            first.read();
            first.read();
            assertThat(first.read().row()).isEqualTo(5);
            first.update(context);
            first.close();

            // when
            ConnectionCsvReader second = new ConnectionCsvReader(file);
            second.open(context);

            // then
            assertThat(second.read()).isEqualTo(new InputRow(6, List.of("r6", "x")));
            assertThat(second.read()).isNull();
            second.close();
        }

        @Test
        void should_save_the_records_consumed_after_the_header_blank_ones_included() {
            // given
            ConnectionCsvReader reader = new ConnectionCsvReader(TestFiles.write(dir, TEXT));
            ExecutionContext context = new ExecutionContext();
            reader.open(context);
            reader.read();
            reader.read();
            reader.read();

            // when
            reader.update(context);

            // then
            assertThat(context.getLong("csvReader.position")).isEqualTo(4);
            reader.close();
        }

        @Test
        void should_use_the_name_as_key_prefix_in_the_context() {
            // given
            ConnectionCsvReader reader = new ConnectionCsvReader(TestFiles.write(dir, TEXT));
            reader.setName("input");
            ExecutionContext context = new ExecutionContext();
            context.putLong("input.position", 1);

            // when
            reader.open(context);

            // then
            assertThat(reader.read().row()).isEqualTo(3);
            reader.update(context);
            assertThat(context.getLong("input.position")).isEqualTo(2);
            reader.close();
        }

        @Test
        void should_refuse_to_resume_when_the_file_has_fewer_records_than_saved() {
            // given
            ConnectionCsvReader reader = new ConnectionCsvReader(TestFiles.write(dir, TEXT));
            ExecutionContext context = new ExecutionContext();
            context.putLong("csvReader.position", 50);

            // when / then
            assertThatThrownBy(() -> reader.open(context))
                    .isInstanceOf(ItemStreamException.class)
                    .hasMessageContaining("fewer rows");
            reader.close();
        }
    }

    @Nested
    class Errors {
        @Test
        void should_fail_with_the_same_file_error_as_inspect_when_a_row_is_not_utf8() {
            // given
            Path file = TestFiles.write(
                    dir, TestFiles.concat("qName,dataSourceId\na,b\nc,".getBytes(StandardCharsets.UTF_8), new byte[] {
                        (byte) 0xE9, '\n'
                    }));
            ConnectionCsvReader reader = new ConnectionCsvReader(file);
            reader.open(new ExecutionContext());

            // when
            InputRow first = reader.read();

            // then
            assertThat(first.row()).isEqualTo(2);
            assertThatThrownBy(reader::read)
                    .isInstanceOf(InputFileException.class)
                    .hasMessageContaining("row 3");
            reader.close();
        }
    }

    @Nested
    class Lifecycle {
        @Test
        void should_refuse_to_read_before_open() {
            ConnectionCsvReader reader = new ConnectionCsvReader(TestFiles.write(dir, "qName,dataSourceId\na,b\n"));

            assertThatThrownBy(reader::read).isInstanceOf(ItemStreamException.class);
            assertThatThrownBy(reader::header).isInstanceOf(IllegalStateException.class);
        }
    }

    @Nested
    class Volume {
        /** 1,000,000 rows take 3-6 s on a busy build machine; they were checked with -Xmx256m by hand. */
        private static final int ROWS = 200_000;

        @Test
        void should_stream_a_large_file_through_inspect_and_reader() throws IOException {
            // given
            int rows = ROWS;
            Path file = dir.resolve("big.csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("qName,dataSourceId,host,# note\n");
                for (int i = 0; i < rows; i++) {
                    out.write("conn-" + i + ",postgres,db" + (i % 97) + ".example.com,\"a, b\"\n");
                }
            }

            // when
            InputFile inspected = InputFiles.inspect(file);
            ConnectionCsvReader reader = new ConnectionCsvReader(file);
            reader.open(new ExecutionContext());
            long count = 0;
            InputRow last = null;
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                count++;
                last = row;
            }
            reader.close();

            // then
            assertThat(inspected.dataRows()).isEqualTo(rows);
            assertThat(count).isEqualTo(rows);
            assertThat(last)
                    .isEqualTo(new InputRow(
                            rows + 1,
                            List.of(
                                    "conn-" + (rows - 1),
                                    "postgres",
                                    "db" + ((rows - 1) % 97) + ".example.com",
                                    "a, b")));
        }
    }
}

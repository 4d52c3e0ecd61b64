package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InputFilesTests {
    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertFileError(Path file) {
        return assertThatThrownBy(() -> InputFiles.inspect(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith(file.toString())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertFileError(String text) {
        return assertFileError(TestFiles.write(dir, text));
    }

    @Nested
    class AcceptedFile {
        @Test
        void should_return_header_sha256_and_count_of_non_blank_data_rows() throws NoSuchAlgorithmException {
            // given
            String text = TestFiles.HEADER + "a,ds,s,h\n\n,,,\n\"b\nb\",ds,s,h\nc,ds\n";
            Path file = TestFiles.write(dir, text);

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            assertThat(inspected.path()).isEqualTo(file);
            assertThat(inspected.header().columns()).containsExactly("qName", "dataSourceId", "space", "host");
            assertThat(inspected.sha256()).isEqualTo(HexFormat.of().formatHex(expected));
            assertThat(inspected.dataRows()).isEqualTo(3);
        }

        @Test
        void should_accept_byte_order_mark_and_remove_it_from_the_header() {
            // given
            Path file = TestFiles.write(dir, "\uFEFFqName,dataSourceId\na,b\n");

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            assertThat(inspected.header().columns()).containsExactly("qName", "dataSourceId");
        }

        @Test
        void should_accept_non_ascii_utf8_and_repeated_blank_header_cells() {
            // given
            Path file = TestFiles.write(dir, "qName,dataSourceId,,\nBüro – Zürich ✓,ds,,\n");

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            assertThat(inspected.dataRows()).isEqualTo(1);
        }
    }

    @Nested
    class MissingOrEmpty {
        @Test
        void should_reject_missing_file() {
            assertFileError(dir.resolve("nope.csv")).hasMessageContaining("does not exist");
        }

        @Test
        void should_reject_a_folder() {
            assertFileError(dir).hasMessageContaining("not a regular file");
        }

        @Test
        void should_reject_zero_byte_file() {
            assertFileError("").hasMessageContaining("is empty");
        }

        @Test
        void should_reject_whitespace_only_file() {
            assertFileError(" \n\n  \r\n").hasMessageContaining("is empty");
        }

        @Test
        void should_reject_header_without_data_rows() {
            assertFileError("qName,dataSourceId\n\n,\n").hasMessageContaining("no data rows");
        }

        @Test
        void should_reject_blank_line_before_the_header() {
            assertFileError("\nqName,dataSourceId\na,b\n").hasMessageContaining("row 1 is blank");
        }
    }

    @Nested
    class BadHeader {
        @Test
        void should_name_missing_qName_column() {
            assertFileError("name,dataSourceId\na,b\n")
                    .hasMessageContaining("no qName column")
                    .hasMessageNotContaining("did you mean");
        }

        @Test
        void should_name_missing_dataSourceId_column() {
            assertFileError("qName,source\na,b\n").hasMessageContaining("no dataSourceId column");
        }

        @Test
        void should_suggest_qName_when_a_header_cell_differs_in_case() {
            assertFileError("qname,dataSourceId\na,b\n")
                    .hasMessageContaining("column 1 is 'qname': did you mean qName?");
        }

        @Test
        void should_suggest_qName_when_a_header_cell_has_spaces_around() {
            assertFileError("dataSourceId, qName \na,b\n")
                    .hasMessageContaining("column 2 is ' qName ': did you mean qName?");
        }

        @Test
        void should_suggest_dataSourceId_when_written_with_underscore() {
            assertFileError("qName,DATA_SOURCE_ID\na,b\n").hasMessageContaining("did you mean dataSourceId?");
        }

        @ParameterizedTest
        @CsvSource({
            "'connectionName,dataSourceId', column 1 is 'connectionName': did you mean qName?",
            "'CONNECTIONNAME,dataSourceId', column 1 is 'CONNECTIONNAME': did you mean qName?",
            "'qName,datasourceID', column 2 is 'datasourceID': did you mean dataSourceId?"
        })
        void should_suggest_the_reserved_column_that_another_api_names_otherwise(String header, String hint) {
            assertFileError(header + "\na,b\n").hasMessageContaining(hint);
        }

        @Test
        void should_name_a_duplicate_column_and_both_positions() {
            assertFileError("qName,dataSourceId,host,port,host\na,b,c,d,e\n")
                    .hasMessageContaining("'host' twice (columns 3 and 5)");
        }

        @Test
        void should_detect_semicolon_separated_file() {
            assertFileError("qName;dataSourceId;host\na;b;c\n")
                    .hasMessageContaining(
                            "the file looks separated by semicolons; export it comma-separated (CSV UTF-8)");
        }

        @Test
        void should_detect_tab_separated_file() {
            assertFileError("qName\tdataSourceId\na\tb\n").hasMessageContaining("looks separated by tabs");
        }
    }

    @Nested
    class Encoding {
        @Test
        void should_name_windows_1252_and_the_offset_and_row_of_the_first_bad_byte() {
            // given: "é" in Windows-1252 is the single byte 0xE9, at offset 30 in row 3
            byte[] bytes = "qName,dataSourceId\na,b\ncaf\u00e9,b\n".getBytes(Charset.forName("windows-1252"));
            Path file = TestFiles.write(dir, bytes);

            // then
            assertFileError(file)
                    .hasMessageContaining("not UTF-8")
                    .hasMessageContaining("byte 0xE9 at offset 26, row 3")
                    .hasMessageContaining("probably Windows-1252 / ISO-8859-1")
                    .hasMessageContaining("save the sheet as CSV UTF-8");
        }

        @Test
        void should_name_utf16_le_when_file_starts_with_its_byte_order_mark() {
            // given
            byte[] bytes = "\uFEFFqName,dataSourceId\na,b\n".getBytes(StandardCharsets.UTF_16LE);

            // then
            assertFileError(TestFiles.write(dir, bytes))
                    .hasMessageContaining("UTF-16 LE")
                    .hasMessageContaining("offset 0");
        }

        @Test
        void should_name_utf16_be_when_every_other_byte_is_nul() {
            // given: no byte-order mark, so only the NUL pattern tells
            byte[] bytes = "qName,dataSourceId\na,b\n".getBytes(StandardCharsets.UTF_16BE);

            // then
            assertFileError(TestFiles.write(dir, bytes)).hasMessageContaining("UTF-16 BE");
        }

        @Test
        void should_name_binary_content_when_control_bytes_dominate() {
            // given
            byte[] bytes = new byte[512];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 7 % 256);
            }

            // then
            assertFileError(TestFiles.write(dir, bytes)).hasMessageContaining("binary content, not a text CSV");
        }

        @Test
        void should_name_an_excel_workbook_saved_under_a_csv_name() {
            // given
            byte[] bytes = TestFiles.concat(new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}, new byte[] {(byte) 0x88, 1, 2});

            // then
            assertFileError(TestFiles.write(dir, bytes)).hasMessageContaining("Excel workbook (.xlsx)");
        }

        @Test
        void should_report_the_row_of_a_bad_byte_after_a_multi_line_record() {
            // given
            byte[] bytes = TestFiles.concat(
                    "qName,dataSourceId\n\"x\ny\",b\nc,".getBytes(StandardCharsets.UTF_8),
                    new byte[] {(byte) 0xFC, '\n'});

            // then
            assertFileError(TestFiles.write(dir, bytes)).hasMessageContaining("row 3");
        }
    }

    @Nested
    class BadRecords {
        @Test
        void should_report_a_quoted_cell_that_is_not_closed() {
            assertFileError("qName,dataSourceId\na,b\nc,\"open\nmore\n")
                    .hasMessageContaining("row 3: a quoted cell is not closed");
        }

        @Test
        void should_reject_a_quote_inside_an_unquoted_cell_that_would_merge_rows() {
            // given: OpenCSV would join rows 3 and 4 until the quotes pair up
            String text = "qName,dataSourceId,note\na,b,c\nd,e,12\" pipe\nf,g,h\n";

            // then
            assertFileError(text)
                    .hasMessageContaining("row 3: a quote (\") inside a cell that does not start with a quote")
                    .hasMessageContaining("put the whole cell in quotes");
        }

        @Test
        void should_reject_text_after_the_closing_quote_of_a_cell() {
            assertFileError("qName,dataSourceId\n\"a\" ,b\nc,d\n")
                    .hasMessageContaining("row 2: there is text after the closing quote of a cell");
        }

        @Test
        void should_reject_a_cell_longer_than_one_mebibyte_without_reading_it_whole() throws IOException {
            // given: a 2 MB cell in row 3
            Path file = dir.resolve("big-cell.csv");
            Files.writeString(file, "qName,dataSourceId,certificate\na,b,c\nd,e,\"" + "x".repeat(2_000_000) + "\"\n");

            // then
            assertFileError(file).hasMessageContaining("row 3: a cell is longer than 1 MiB");
        }

        @Test
        void should_reject_a_quoted_cell_spanning_too_many_lines() {
            assertFileError("qName,dataSourceId\na,\"" + "line\n".repeat(2000) + "\"\n")
                    .hasMessageContaining("row 2: a quoted cell spans more than 1000 lines");
        }
    }

    @Nested
    class ByteScan {
        private static final String[] ODD_PIECES = {
            "\u00e9", " \u2003", "\"x\"y", "a\"b", " \"q\"", "\"open", "Rest", "snowflake", ""
        };

        private boolean plain(Path file) {
            try {
                RecordScannerTests.scan(Files.readAllBytes(file), 1);
                return true;
            } catch (RecordScanner.Unusual e) {
                return false;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        private Object inspected(Path file, boolean exactly) {
            try {
                return exactly ? InputFiles.inspectExactly(file) : InputFiles.inspect(file);
            } catch (InputFileException e) {
                return e.getMessage();
            }
        }

        @Test
        void should_give_what_the_exact_pass_gives_for_plain_odd_and_broken_files() {
            Random random = new Random(21);
            int scannedPlain = 0;
            for (int i = 0; i < 1_500; i++) {
                // given
                byte[] body = RecordScannerTests.sheet(random, ODD_PIECES).getBytes(StandardCharsets.UTF_8);
                if (body.length > 0 && random.nextInt(10) == 0) {
                    body[random.nextInt(body.length)] = (byte) (random.nextBoolean() ? 0 : 0xE9);
                }
                byte[] bom = random.nextInt(8) == 0 ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF} : new byte[0];
                Path file = TestFiles.write(
                        dir, TestFiles.concat(bom, TestFiles.HEADER.getBytes(StandardCharsets.UTF_8), body));

                // when
                Object scanned = inspected(file, false);
                scannedPlain += plain(file) ? 1 : 0;

                // then
                assertThat(scanned)
                        .as("%s", new String(body, StandardCharsets.UTF_8))
                        .isEqualTo(inspected(file, true));
            }
        }

        @Test
        void should_count_rows_and_collect_data_source_ids_of_a_large_plain_file() {
            // given
            StringBuilder text = new StringBuilder(TestFiles.HEADER);
            for (int i = 0; i < 20_000; i++) {
                text.append("c").append(i).append(",\" ds").append(i % 7).append(" \",s,\"h\r\nh\"\r\n");
                if (i % 1000 == 0) {
                    text.append(",,,\n\n");
                }
            }
            Path file = TestFiles.write(dir, text.toString());

            // when
            InputFile inspected = InputFiles.inspect(file);

            // then
            assertThat(inspected).isEqualTo(InputFiles.inspectExactly(file));
            assertThat(inspected.dataRows()).isEqualTo(20_000);
            assertThat(inspected.dataSourceIds())
                    .containsExactlyInAnyOrder("ds0", "ds1", "ds2", "ds3", "ds4", "ds5", "ds6");
        }
    }
}

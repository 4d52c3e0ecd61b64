package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Records as OpenCSV's RFC 4180 parser reads them, for every text the strict guard lets through. */
class RecordSplitterTests {
    private static final String[] PIECES = {
        "a", "Z", ",", "\"", "\"\"", "\n", "\r\n", "\r", "\\", " ", "é", "€", "😀", ";", "\t", "'", "=1"
    };
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};

    static List<List<String>> split(String text) throws Exception {
        RecordSplitter splitter = new RecordSplitter(new StrictCsvGuard(new StringReader(text)));
        List<List<String>> records = new ArrayList<>();
        for (String[] record = splitter.next(); record != null; record = splitter.next()) {
            records.add(List.of(record));
        }
        return records;
    }

    static List<List<String>> openCsv(String text) throws Exception {
        try (CSVReader reader = new CSVReaderBuilder(new StringReader(text))
                .withCSVParser(new RFC4180ParserBuilder().build())
                .withVerifyReader(false)
                .build()) {
            List<List<String>> records = new ArrayList<>();
            for (String[] record = reader.readNext(); record != null; record = reader.readNext()) {
                records.add(List.of(record));
            }
            return records;
        }
    }

    static String cell(Random random) {
        StringBuilder cell = new StringBuilder();
        int pieces = random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            cell.append(PIECES[random.nextInt(PIECES.length)]);
        }
        String text = cell.toString();
        boolean mustQuote = text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r");
        return mustQuote || random.nextInt(5) == 0 ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    @Nested
    class ForStrictText {
        @Test
        void should_give_the_records_opencsv_gives_when_cells_hold_quotes_separators_and_line_breaks()
                throws Exception {
            Random random = new Random(7);
            for (int sheet = 0; sheet < 2_000; sheet++) {
                StringBuilder text = new StringBuilder();
                int records = random.nextInt(6);
                for (int r = 0; r < records; r++) {
                    int cells = random.nextInt(4);
                    for (int c = 0; c <= cells; c++) {
                        text.append(c == 0 ? "" : ",").append(cell(random));
                    }
                    if (r < records - 1 || random.nextBoolean()) {
                        text.append(LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
                    }
                }
                String sheetText = text.toString();

                assertThat(split(sheetText)).as("%s", sheetText).isEqualTo(openCsv(sheetText));
            }
        }

        @Test
        void should_read_blank_lines_as_one_empty_cell_and_end_lines_at_lf_cr_or_crlf() throws Exception {
            String text = "a,b\n\r\n\"x\r\ny\",\"\"\"\"\rlast";

            assertThat(split(text))
                    .isEqualTo(List.of(List.of("a", "b"), List.of(""), List.of("x\ny", "\""), List.of("last")))
                    .isEqualTo(openCsv(text));
        }

        @Test
        void should_find_no_record_in_empty_text() throws Exception {
            assertThat(split("")).isEqualTo(openCsv("")).isEqualTo(List.of());
        }
    }
}

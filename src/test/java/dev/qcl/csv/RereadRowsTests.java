package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** Chosen rows read again from the bytes are the rows the job's reader read. */
class RereadRowsTests {
    @TempDir
    Path dir;

    private static Map<Integer, List<String>> readerRows(Path file) {
        ConnectionCsvReader reader = new ConnectionCsvReader(file);
        reader.open(new ExecutionContext());
        try {
            Map<Integer, List<String>> rows = new LinkedHashMap<>();
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                rows.put(row.row(), row.cells());
            }
            return rows;
        } finally {
            reader.close();
        }
    }

    private static Map<Integer, List<String>> reread(Path file, String sha256, List<Integer> rows, List<String> outcome)
            throws Exception {
        Map<Integer, List<String>> read = new LinkedHashMap<>();
        outcome.add(RereadRows.read(file, sha256, rows.iterator(), (row, cells) -> read.put(row, cells))
                .name());
        return read;
    }

    @Test
    void should_give_the_cells_the_reader_gives_for_every_chosen_data_row() throws Exception {
        Random random = new Random(31);
        int read = 0;
        for (int i = 0; i < 1_500; i++) {
            // given: a sheet the checks accept, and some of its rows chosen (header and past the end too)
            String text = TestFiles.HEADER + RecordScannerTests.sheet(random, new String[] {"\u00e9", " ", "\"\""});
            Path file = TestFiles.write(dir, text);
            InputFile inspected;
            try {
                inspected = InputFiles.inspectExactly(file);
            } catch (InputFileException e) {
                continue; // no data row
            }
            Map<Integer, List<String>> all = readerRows(file);
            List<Integer> chosen = new ArrayList<>();
            for (int row = random.nextInt(2); row <= all.size() + 12; row++) {
                if (random.nextBoolean()) {
                    chosen.add(row);
                }
            }

            // when
            List<String> outcome = new ArrayList<>();
            Map<Integer, List<String>> reread = reread(file, inspected.sha256(), chosen, outcome);

            // then
            Map<Integer, List<String>> expected = new LinkedHashMap<>(all);
            expected.keySet().retainAll(chosen);
            assertThat(outcome).as(text).containsExactly("READ");
            assertThat(reread).as(text).containsExactlyEntriesOf(expected);
            read++;
        }
        assertThat(read).isGreaterThan(500);
    }

    @Test
    void should_hash_the_rest_of_the_file_after_the_last_chosen_row_when_it_checks_the_file() throws Exception {
        // given: written just now, so its digest is worked out again, not trusted
        Path file = TestFiles.write(dir, TestFiles.HEADER + "a,ds,s,h\nb,ds,s,h\nc,ds,s,h\n");
        String sha256 = InputFiles.inspect(file).sha256();

        // when
        List<String> outcome = new ArrayList<>();
        Map<Integer, List<String>> read = reread(file, sha256, List.of(2), outcome);

        // then
        assertThat(outcome).containsExactly("READ");
        assertThat(read).containsOnlyKeys(2);
    }

    @ParameterizedTest(name = "hashed when it had not changed for an hour: {0}")
    @ValueSource(booleans = {false, true})
    void should_say_changed_when_the_bytes_are_not_the_ones_the_run_read(boolean settled) throws Exception {
        // given: rewritten with the same size after the run hashed it (its time moves on)
        Path file = TestFiles.write(dir, TestFiles.HEADER + "a,ds,s,h\nb,ds,s,h\n");
        if (settled) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
        }
        String sha256 = InputFiles.inspect(file).sha256();
        Files.writeString(file, TestFiles.HEADER + "a,ds,s,h\nb,ds,s,H\n", StandardCharsets.UTF_8);

        // when
        List<String> outcome = new ArrayList<>();
        reread(file, sha256, List.of(2), outcome);

        // then
        assertThat(outcome).containsExactly("CHANGED");
    }

    @Test
    void should_say_unusual_when_the_scan_does_not_know_the_file() throws Exception {
        // given: a cell of many CRLF line breaks, which the guard counts once each and the scan twice
        String cell = "\"" + "x\r\n".repeat(StrictCsvGuard.MAX_RECORD_LINES * 2 / 3) + "\"";
        Path file = TestFiles.write(dir, TestFiles.HEADER + "a,ds,s," + cell + "\n");
        String sha256 = InputFiles.inspect(file).sha256();

        // when
        List<String> outcome = new ArrayList<>();
        reread(file, sha256, List.of(2), outcome);

        // then
        assertThat(outcome).containsExactly("UNUSUAL");
    }

    @Test
    void should_trust_the_stamp_of_a_settled_file_this_process_hashed_instead_of_hashing_it_again() throws Exception {
        // given: the bytes changed in place with size and time put back, which only a new hash would see
        Path file = TestFiles.write(dir, TestFiles.HEADER + "a,ds,s,h\nb,ds,s,h\n");
        FileTime hourAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(file, hourAgo);
        String sha256 = InputFiles.inspect(file).sha256();
        try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap("H".getBytes(StandardCharsets.UTF_8)), Files.size(file) - 2);
        }
        Files.setLastModifiedTime(file, hourAgo);

        // when
        List<String> outcome = new ArrayList<>();
        Map<Integer, List<String>> read = reread(file, sha256, List.of(3), outcome);

        // then: the stamp is trusted, as git trusts its index; the row is what the file holds now
        assertThat(outcome).containsExactly("READ");
        assertThat(read).containsEntry(3, List.of("b", "ds", "s", "H"));
    }
}

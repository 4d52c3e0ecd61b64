package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Issue 8 items 1 and 5, through the command line: a table of hostile rows, each between good ones, in
 * one run. Each hostile row ends INVALID with a message that names its column, nothing of it is sent or
 * read, and the run completes with the good rows CREATED.
 */
class HostileRowsTests {
    static final String OUTSIDE_SECRET = "outside-the-sheet-folder-Kq3";

    /** The S3 row a case changes: qName, dataSourceId, space, spaceName, tags, region, bucketName, accessKey, secretKey, # note. */
    private static String[] s3(String qName) {
        return new String[] {
            qName, Sheets.S3, "", "Finance", "migrated", "us-east-1", "bucket", "AKIA1", "s3-secret", ""
        };
    }

    private static Arguments hostile(String name, Function<Path, String[]> row, String status, String message) {
        return Arguments.of(name, row, status, message);
    }

    private static Function<Path, String[]> cell(int index, String value) {
        return dir -> {
            String[] cells = s3("hostile");
            cells[index] = value;
            return cells;
        };
    }

    static Stream<Arguments> hostileRows() {
        String fortyTags =
                String.join(";", IntStream.range(0, 40).mapToObj(i -> "t" + i).toList());
        return Stream.of(
                hostile(
                        "qName of 5000 characters",
                        cell(0, "q".repeat(5000)),
                        "INVALID",
                        "column 'qName' has 5000 characters; at most 256"),
                hostile(
                        "qName with a line break",
                        cell(0, "two\nlines"),
                        "INVALID",
                        "column 'qName' holds a control character"),
                hostile(
                        "dataSourceId of 300 characters",
                        cell(1, "d".repeat(300)),
                        "INVALID",
                        "column 'dataSourceId' has 300 characters; at most 256"),
                hostile(
                        "space of 2000 characters",
                        cell(2, "s".repeat(2000)),
                        "INVALID",
                        "column 'space' has 2000 characters; at most 256"),
                hostile(
                        "spaceName of 300 characters",
                        cell(3, "Finance ".repeat(40)),
                        "INVALID",
                        "column 'spaceName' has 319 characters; at most 256"),
                hostile(
                        "spaceName in the wrong case",
                        cell(3, "finance"),
                        "INVALID",
                        "no space named 'finance'; did you mean 'Finance'?"),
                hostile("forty tags", cell(4, fortyTags), "INVALID", "40 tags are too many; at most 31"),
                hostile("a tag of 300 bytes", cell(4, "é".repeat(150)), "INVALID", "has 300 bytes; at most 256 bytes"),
                hostile(
                        "property value of 70000 characters",
                        cell(6, "b".repeat(70_000)),
                        "INVALID",
                        "column 'bucketName': the value has 70000 characters; at most 65536"),
                hostile(
                        "absolute ${file:} path",
                        dir -> withSecret("${file:" + dir.resolve("outside/secret.txt") + "}"),
                        "INVALID",
                        "absolute paths are refused"),
                hostile(
                        "${file:} leaving the folder with ..",
                        dir -> withSecret("${file:../outside/secret.txt}"),
                        "INVALID",
                        "the path leaves the CSV's folder"),
                hostile(
                        "${file:} through a symbolic link",
                        dir -> withSecret("${file:innocent.txt}"),
                        "INVALID",
                        "a symbolic link leads outside the CSV's folder"),
                hostile(
                        "${file:} of 2 MiB",
                        dir -> withSecret("${file:big.bin}"),
                        "INVALID",
                        "the file has 2097152 bytes; at most 1048576 (1 MiB)"),
                hostile(
                        "${env:QLIK_API_KEY}",
                        dir -> withSecret("${env:QLIK_API_KEY}"),
                        "INVALID",
                        "qcl's own credentials"));
    }

    private static String[] withSecret(String reference) {
        String[] cells = s3("hostile");
        cells[8] = reference;
        return cells;
    }

    @Test
    void should_record_each_hostile_row_and_complete_the_run_with_the_other_rows_created(@TempDir Path dir)
            throws IOException {
        // given: a sheet folder, a secret file outside it, a link to that file and a 2 MiB file inside it
        Path sheets = Files.createDirectories(dir.resolve("sheets"));
        Files.createDirectories(dir.resolve("outside"));
        Files.writeString(dir.resolve("outside/secret.txt"), OUTSIDE_SECRET);
        Files.createSymbolicLink(sheets.resolve("innocent.txt"), dir.resolve("outside/secret.txt"));
        try (RandomAccessFile big =
                new RandomAccessFile(sheets.resolve("big.bin").toFile(), "rw")) {
            big.setLength(2 * 1024 * 1024);
        }
        // and a sheet with a good row before and after every hostile one (one run: each costs seconds)
        List<Arguments> cases = hostileRows().toList();
        Sheets sheet = Sheets.s3().row(s3("good-0"));
        for (int i = 0; i < cases.size(); i++) {
            @SuppressWarnings("unchecked")
            Function<Path, String[]> hostileRow =
                    (Function<Path, String[]>) cases.get(i).get()[1];
            sheet.row(hostileRow.apply(dir)).row(s3("good-" + (i + 1)));
        }
        Path input = sheet.write(sheets.resolve("hostile.csv"));
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", input.toString());

            // then: the run completed, every good row was created...
            int good = cases.size() + 1;
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
            assertThat(outcome.lastLine()).contains(good + " CREATED").contains(cases.size() + " INVALID");
            assertThat(tenant.home().resolve("reports/run-1/summary.json"))
                    .content()
                    .contains("\"COMPLETED\"");
            assertThat(outcome.err()).doesNotContain("\tat ");
            List<ResultsTable.Row> rows = tenant.results();
            assertThat(rows).hasSize(good + cases.size());
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, good).mapToObj(i -> "good-" + i).toList());
            assertThat(tenant.sandbox().createRequests()).isEqualTo(good);
            // ...and each hostile row says what is wrong with it, within the columns' sizes
            SoftAssertions softly = new SoftAssertions();
            for (int i = 0; i < cases.size(); i++) {
                Object[] hostile = cases.get(i).get();
                ResultsTable.Row row = rows.get(2 * i + 1);
                softly.assertThat(row.row()).as("%s", hostile[0]).isEqualTo(2 * i + 3);
                softly.assertThat(row.status()).as("%s", hostile[0]).isEqualTo(hostile[2]);
                softly.assertThat(row.message())
                        .as("%s", hostile[0])
                        .contains((String) hostile[3])
                        .hasSizeLessThanOrEqualTo(4000);
                softly.assertThat(row.qName().length()).as("%s", hostile[0]).isLessThanOrEqualTo(1024);
                softly.assertThat(rows.get(2 * i).status()).isEqualTo("CREATED");
            }
            softly.assertAll();
            // and no file qcl wrote holds what a refused reference points at
            try (Stream<Path> files = Files.walk(tenant.home())) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                            .as("%s", file)
                            .doesNotContain(OUTSIDE_SECRET);
                }
            }
        }
    }
}

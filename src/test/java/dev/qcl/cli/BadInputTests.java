package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed inputs, one table: each gives its exit code and a one-line message, never a stack trace,
 * never a write, and never a row without a result.
 */
class BadInputTests {
    static final String HEADER = "qName,dataSourceId,spaceName,host,database\n";

    static Stream<Arguments> malformedFiles() {
        return Stream.of(
                file("empty file", "", 2, "is empty"),
                file("header only", HEADER, 2, "no data rows"),
                file("blank lines only", "\n\n\n", 2, "is empty"),
                file("no qName column", "name,dataSourceId\nx,postgres\n", 2, "qName"),
                file("qName near miss", "qname,dataSourceId\nx,postgres\n", 2, "did you mean qName"),
                file("no dataSourceId column", "qName,host\nx,h\n", 2, "dataSourceId"),
                file("duplicate column names", "qName,dataSourceId,host,host\nx,postgres,h,h\n", 2, "twice"),
                file("unbalanced quote", HEADER + "pg,postgres,Finance,\"h1,d1\n", 2, "not closed"),
                file("semicolon separated", "qName;dataSourceId;host\npg;postgres;h\n", 2, "semicolons"),
                file("tab separated", "qName\tdataSourceId\thost\npg\tpostgres\th\n", 2, "tabs"),
                bytes(
                        "binary content",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0},
                        2,
                        "binary"),
                bytes(
                        "Latin-1 text",
                        (HEADER + "Malmö,postgres,Finance,h,d\n").getBytes(StandardCharsets.ISO_8859_1),
                        2,
                        "Windows-1252"),
                bytes(
                        "UTF-16 text",
                        (HEADER + "pg,postgres,Finance,h,d\n").getBytes(StandardCharsets.UTF_16LE),
                        2,
                        "UTF-16"),
                file("a 2 MB cell", HEADER + "pg,postgres,Finance,h," + "x".repeat(2 * 1024 * 1024) + "\n", 2, "1 MiB"),
                file(
                        "too many cells",
                        HEADER + "pg,postgres,Finance,h,d,extra\n",
                        1,
                        "the row has 6 cells, the header has 5"),
                file("too few cells", HEADER + "pg,postgres,Finance\n", 1, "the row has 3 cells, the header has 5"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedFiles")
    void should_answer_with_its_exit_code_and_one_line_and_send_nothing(
            String name, byte[] content, int exitCode, String message, @TempDir Path dir) throws IOException {
        // given
        Path input = Files.write(dir.resolve("input.csv"), content);
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

            // then
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(exitCode);
            assertThat(tenant.sandbox().writeRequests()).isZero();
            assertThat(outcome.err()).doesNotContain("\tat ").doesNotContain("Exception");
            if (exitCode == 2) {
                assertThat(outcome.err().strip())
                        .startsWith("qcl: ")
                        .contains(message)
                        .doesNotContain("\n");
                assertThat(outcome.out()).isEmpty();
            } else {
                Path results = tenant.home().resolve("reports/run-1/results.csv");
                assertThat(Files.readAllLines(results)).hasSize(2);
                assertThat(results).content().contains("INVALID").contains(message);
            }
        }
    }

    @Test
    void should_warn_once_at_the_start_when_a_header_column_is_known_to_no_connector_of_the_file(@TempDir Path dir)
            throws IOException {
        Path input = Files.writeString(dir.resolve("input.csv"), """
                qName,dataSourceId,spaceName,host,databse
                pg-1,postgres,Finance,h,d
                pg-2,postgres,Finance,h,
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

            assertThat(outcome.exitCode()).isEqualTo(1);
            String log = Files.readString(tenant.home().resolve("logs/qcl.log"));
            assertThat(log.lines().filter(l -> l.contains("is not a property of any connector in this file")))
                    .hasSize(1)
                    .allMatch(l -> l.contains("'databse'") && l.contains("did you mean 'database'?"));
        }
    }

    private static Arguments file(String name, String content, int exitCode, String message) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8), exitCode, message);
    }

    private static Arguments bytes(String name, byte[] content, int exitCode, String message) {
        return Arguments.of(name, content, exitCode, message);
    }
}

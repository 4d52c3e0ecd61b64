package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Escape codes go only to terminals: with standard error redirected to a file (cron, CI, a log),
 * the packaged jar writes no ESC byte there, even when standard output is a terminal. The terminal
 * is a pseudo-terminal made by util-linux {@code script}.
 */
class RedirectedOutputIT {
    static final Path SCRIPT = Path.of("/usr/bin/script");
    static final byte ESC = 0x1B;

    @Test
    void should_write_no_escape_code_to_a_redirected_standard_error_when_standard_output_is_a_terminal(
            @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script makes the pseudo-terminal");
        // given: a run of a few seconds, so the progress display and some log lines get written
        Path input = sheet(dir, 30);
        try (TestTenant tenant =
                TestTenant.start(dir, SandboxSettings.defaults().withLatency(Duration.ofMillis(60)))) {
            Path err = dir.resolve("run.err");

            // when: standard input and output on a terminal, standard error into a file
            int exit = onTerminal(
                    dir, qclCommand(tenant, "run", "--input", input.toString(), "--concurrency", "1") + " 2>" + err);

            // then
            assertThat(exit).as(Files.readString(err)).isEqualTo(1);
            assertThat(Files.readString(err)).contains("WARN");
            assertThat(Files.readAllBytes(err)).as(Files.readString(err)).doesNotContain(ESC);
        }
    }

    @Test
    void should_write_no_escape_code_when_both_streams_are_redirected(@TempDir Path dir) throws Exception {
        Path input = sheet(dir, 10);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Path out = dir.resolve("run.out");
            Path err = dir.resolve("run.err");
            List<String> command = new ArrayList<>(List.of(
                    "/bin/sh",
                    "-c",
                    qclCommand(tenant, "run", "--input", input.toString()) + " >" + out + " 2>" + err));

            Process process = new ProcessBuilder(command).start();

            assertThat(process.waitFor(4, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(err)).isEqualTo(1);
            assertThat(Files.readString(out)).contains("Run 1 COMPLETED");
            assertThat(Files.readAllBytes(out)).doesNotContain(ESC);
            assertThat(Files.readAllBytes(err)).doesNotContain(ESC);
        }
    }

    @Test
    void should_write_no_escape_code_in_help_and_usage_errors_sent_to_files(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(SCRIPT), "util-linux script makes the pseudo-terminal");
        Path help = dir.resolve("help.out");
        Path usage = dir.resolve("usage.err");

        int helpExit = onTerminal(dir, jar() + " --help >" + help);
        int usageExit = onTerminal(dir, jar() + " run --input x.csv --bogus 2>" + usage);

        assertThat(helpExit).isZero();
        assertThat(Files.readString(help)).contains("Commands:");
        assertThat(Files.readAllBytes(help)).doesNotContain(ESC);
        assertThat(usageExit).isEqualTo(2);
        assertThat(Files.readString(usage)).contains("--bogus");
        assertThat(Files.readAllBytes(usage)).doesNotContain(ESC);
    }

    /** Runs {@code shellCommand} with a pseudo-terminal as standard input and output; returns its exit code. */
    private static int onTerminal(Path dir, String shellCommand) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        SCRIPT.toString(),
                        "-qec",
                        shellCommand,
                        dir.resolve("typescript").toString())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .redirectOutput(dir.resolve("terminal.txt").toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("terminal.txt").toFile()))
                .start();
        assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("finished in time").isTrue();
        return process.exitValue();
    }

    private static String qclCommand(TestTenant tenant, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(
                "--tenant",
                tenant.sandbox().url(),
                "--home",
                tenant.home().toString(),
                "--qcl.api-key-file=" + tenant.keyFile()));
        return jar() + " " + all.stream().map(a -> "'" + a + "'").collect(Collectors.joining(" "));
    }

    private static String jar() {
        Path jar = Path.of(System.getProperty("qcl.jar", "target/qlik-connection-loader.jar"))
                .toAbsolutePath();
        assertThat(jar).as("the packaged jar (mvn package)").isRegularFile();
        return "env -u QLIK_API_KEY -u QLIK_TENANT_URL -u QCL_HOME -u QLIK_CLIENT_ID '"
                + Path.of(System.getProperty("java.home"), "bin", "java") + "' -jar '" + jar + "'";
    }

    private static Path sheet(Path dir, int rows) {
        Sheets sheet = Sheets.s3();
        for (int i = 1; i <= rows; i++) {
            sheet.s3Row("plain-" + i, "Finance", "eu-west-1", "");
        }
        sheet.row("broken", Sheets.S3, "", "Finance", "", "Mars-1", "b", "a", "", "");
        return sheet.write(dir.resolve("in.csv"));
    }
}

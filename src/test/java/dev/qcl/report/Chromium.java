package dev.qcl.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, run as a process with a fresh profile and nothing fetched in the background. */
final class Chromium {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final long TIMEOUT_SECONDS = 30;

    private final Path work;

    /** @param work an empty folder for the profile and the process output */
    Chromium(Path work) {
        this.work = work;
    }

    static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM of the page after Chromium has parsed and rendered it. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path out = run(List.of("--dump-dom", page.toUri().toString()));
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
        run(List.of(
                "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height,
                "--hide-scrollbars",
                page.toUri().toString()));
    }

    private Path run(List<String> args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(work, "profile");
        Path out = Files.createTempFile(work, "stdout", ".txt");
        Path err = Files.createTempFile(work, "stderr", ".txt");
        List<String> command = new ArrayList<>(List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile));
        command.addAll(args);
        // output to files, so that a full pipe can never block the browser
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("chromium did not finish within %d s: %s", TIMEOUT_SECONDS, Files.readString(err));
        }
        assertThat(process.exitValue())
                .as("chromium exit code; stderr: %s", Files.readString(err))
                .isZero();
        return out;
    }
}

package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar on a home folder whose disk really fills up: a small tmpfs mounted for the test
 * (skipped where the machine does not let it mount one). The run says so in one line on standard error
 * naming the folder, with no stack trace from any library nor from the log file that cannot be written
 * either; {@code status} on the full disk works or says so in the same way; once space is freed,
 * {@code restart} completes the run, every row once.
 */
class FullDiskIT {
    @Test
    void should_say_in_one_line_that_the_disk_is_full_and_restart_once_space_is_freed(@TempDir Path dir)
            throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=64m", "tmpfs", home.toString()) == 0, "cannot mount");
        try {
            // given: the home folder's database made by a first run, then the disk filled to 256 KiB
            Path first = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "first", 3, "Finance")
                    .write(dir.resolve("first.csv"));
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "big", 300, "Finance")
                    .write(dir.resolve("big.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                assertThat(qcl(tenant, dir, "first", "run", "--input", first.toString()))
                        .isZero();
                Path filler =
                        fill(home.resolve("filler"), Files.getFileStore(home).getUsableSpace() - 256 * 1024);

                // when
                int full = qcl(tenant, dir, "full", "run", "--input", input.toString());

                // then
                String expected = "qcl: no space left on device in " + home
                        + " (the job database could not write); free space, then ";
                assertThat(full).as(err(dir, "full")).isEqualTo(3);
                assertThat(err(dir, "full").strip()).isEqualTo(expected + "run qcl restart");

                // and when: not a byte left
                Path rest = fill(home.resolve("rest"), Long.MAX_VALUE);
                int status = status(home, dir);

                // then
                // (H2 may find room for status's one commit inside its file: then status simply works)
                if (status == 0) {
                    assertThat(Files.readString(dir.resolve("status.out"))).containsPattern("(?m)^1\\s+COMPLETED\\s");
                    assertThat(err(dir, "status")).isEmpty();
                } else {
                    assertThat(status).as(err(dir, "status")).isEqualTo(2);
                    assertThat(err(dir, "status").strip()).isEqualTo(expected + "try again");
                }

                // and when: space freed
                Files.delete(rest);
                Files.delete(filler);
                int restart = qcl(tenant, dir, "restart", "restart");

                // then
                assertThat(restart).as(err(dir, "restart")).isZero();
                assertThat(Files.readString(dir.resolve("restart.out")))
                        .containsPattern("(?m)^Run 2 COMPLETED: 300 CREATED");
                assertThat(tenant.sandbox().connections()).hasSize(303);
            }
        } finally {
            run("umount", "-l", home.toString());
        }
    }

    private static int qcl(TestTenant tenant, Path dir, String name, String... args) throws Exception {
        Process process = RestartAfterKillIT.qcl(tenant, dir, name, args);
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as(name + " ended").isTrue();
        return process.exitValue();
    }

    /** {@code status} needs no tenant. */
    private static int status(Path home, Path dir) throws Exception {
        Path jar = Path.of(System.getProperty("qcl.jar", "target/qlik-connection-loader.jar"));
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "status",
                        "--home",
                        home.toString())
                .redirectOutput(dir.resolve("status.out").toFile())
                .redirectError(dir.resolve("status.err").toFile())
                .start();
        assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("status ended").isTrue();
        return process.exitValue();
    }

    private static String err(Path dir, String name) throws IOException {
        return Files.readString(dir.resolve(name + ".err"), StandardCharsets.UTF_8);
    }

    /** Writes zeros to {@code file} until it holds {@code bytes} or the disk is full. */
    private static Path fill(Path file, long bytes) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(64 * 1024);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            for (long written = 0; written < bytes; ) {
                block.clear().limit((int) Math.min(block.capacity(), bytes - written));
                written += channel.write(block);
            }
        } catch (IOException e) {
            if (!e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
        return file;
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return process.waitFor();
    }
}

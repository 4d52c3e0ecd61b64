package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk under the job database fills up: the command says so in one line that names the folder,
 * and once there is room again the run is restarted and completes, every row once. The database is
 * the H2 file of the home folder on a file system that refuses writes as a full disk does
 * ({@link FullDisk}); {@code FullDiskIT} fills a real one where the machine allows.
 */
class FullDiskTests {
    @AfterEach
    void free() {
        FullDisk.free();
    }

    @Test
    void should_name_the_full_disk_and_the_home_folder_in_one_line_and_restart_once_there_is_room(@TempDir Path dir) {
        // given: a home folder whose database has been made, on a disk with 64 KiB left
        Path first = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "first", 3, "Finance")
                .write(dir.resolve("first.csv"));
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "big", 300, "Finance")
                .write(dir.resolve("big.csv"));
        try (TestTenant tenant = TestTenant.start(dir)) {
            assertThat(qcl(tenant, "run", "--input", first.toString()).exitCode())
                    .isZero();
            FullDisk.fillAfter(64 * 1024);

            // when
            Qcl.Outcome full = qcl(tenant, "run", "--input", input.toString());

            // then
            assertThat(full.exitCode()).as(full.err()).isEqualTo(3);
            assertThat(full.err().strip().lines()).hasSize(1);
            assertThat(full.err().strip())
                    .isEqualTo("qcl: no space left on device in " + tenant.home()
                            + " (the job database could not write); free space, then run qcl restart");

            // and when: room again
            FullDisk.free();
            Qcl.Outcome restart = qcl(tenant, "restart");

            // then
            assertThat(restart.exitCode()).as(restart.err()).isZero();
            assertThat(restart.lastLine()).startsWith("Run 2 COMPLETED").contains("300 CREATED");
            assertThat(ResultsTable.ofRun(tenant.database(), 2))
                    .extracting(ResultsTable.Row::row)
                    .doesNotHaveDuplicates()
                    .hasSize(300);
            assertThat(tenant.sandbox().connections()).hasSize(303);
        }
    }

    @Test
    void should_say_in_one_line_that_status_cannot_read_a_home_folder_on_a_full_disk(@TempDir Path dir) {
        // given
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "status", 3, "Finance")
                .write(dir.resolve("in.csv"));
        try (TestTenant tenant = TestTenant.start(dir)) {
            assertThat(qcl(tenant, "run", "--input", input.toString()).exitCode())
                    .isZero();
            FullDisk.fillAfter(0);

            // when
            Qcl.Outcome status = qcl(tenant, "status");

            // then
            assertThat(status.exitCode()).isEqualTo(2);
            assertThat(status.err().strip())
                    .isEqualTo("qcl: no space left on device in " + tenant.home()
                            + " (the job database could not write); free space, then try again");

            // and when
            FullDisk.free();

            // then
            assertThat(qcl(tenant, "status").out()).containsPattern("(?m)^1\\s+COMPLETED\\s");
        }
    }

    /** A command whose job database is the home folder's H2 file, on the disk that fills up. */
    private static Qcl.Outcome qcl(TestTenant tenant, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--spring.datasource.url="
                + FullDisk.url(tenant.home().resolve("db").resolve("qcl")));
        all.add("--qcl.write.rate-limit=60000");
        return tenant.qcl(all.toArray(String[]::new));
    }
}

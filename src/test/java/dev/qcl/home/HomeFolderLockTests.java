package dev.qcl.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract section 7: one job per home folder, read-only commands beside it. Another process is played
 * by a lock on the same file through a channel of its own, which the JVM treats as held elsewhere.
 */
class HomeFolderLockTests {
    static final Instant NOW = Instant.parse("2026-11-30T08:00:00.750Z");
    static final Duration NO_WAIT = Duration.ZERO;
    static final String PID = Long.toString(ProcessHandle.current().pid());

    @TempDir
    Path home;

    /** A clock that moves on by a second each time it is read: a wait of zero is over at the second look. */
    static final class Ticking extends Clock {
        private Instant now = NOW;

        @Override
        public Instant instant() {
            Instant then = now;
            now = now.plusSeconds(1);
            return then;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    String lockText() throws IOException {
        return Files.readString(home.resolve(HomeFolderLock.FILE), StandardCharsets.UTF_8);
    }

    /** An exclusive lock on the home folder as another process holds it, with what it wrote into the file. */
    FileLock heldElsewhere(FileChannel channel, String text) throws IOException {
        Files.writeString(home.resolve(HomeFolderLock.FILE), text);
        return channel.lock(1L << 40, 1, false);
    }

    FileChannel channel() throws IOException {
        Files.createDirectories(home);
        return FileChannel.open(
                home.resolve(HomeFolderLock.FILE),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    @Nested
    class Jobs {
        @Test
        void should_write_who_holds_the_folder_when_a_job_takes_it() throws IOException {
            // given
            Path nested = home.resolve("not/yet");

            // when
            try (HomeFolderLock lock =
                    HomeFolderLock.forJob(nested, "run", NO_WAIT, Clock.fixed(NOW, ZoneOffset.UTC))) {
                // then
                assertThat(Files.readString(nested.resolve(HomeFolderLock.FILE)))
                        .isEqualTo("starting process " + PID + " on host " + ThisProcess.host()
                                + " (qcl run, since 2026-11-30T08:00:00Z)");
                assertThat(lock.jobDatabase()).isEmpty();
            }
        }

        @Test
        void should_say_where_its_database_is_when_the_job_is_ready() throws IOException {
            try (HomeFolderLock lock = HomeFolderLock.forJob(home, "run", NO_WAIT, Clock.fixed(NOW, ZoneOffset.UTC))) {
                // when
                lock.ready("run", Optional.of("jdbc:h2:tcp://127.0.0.1:9092/qcl"));

                // then
                assertThat(lockText())
                        .startsWith("ready process " + PID)
                        .endsWith("(qcl run, since 2026-11-30T08:00:00Z) database=jdbc:h2:tcp://127.0.0.1:9092/qcl");
            }
        }

        @Test
        void should_refuse_a_second_job_naming_the_first_without_its_database_when_the_folder_is_held()
                throws IOException {
            // given
            try (HomeFolderLock first = HomeFolderLock.forJob(home, "run", NO_WAIT, Clock.fixed(NOW, ZoneOffset.UTC))) {
                first.ready("run", Optional.of("jdbc:h2:tcp://127.0.0.1:9092/qcl"));

                // when / then
                assertThatThrownBy(() -> HomeFolderLock.forJob(home, "prune", NO_WAIT, new Ticking()))
                        .isInstanceOf(ConfigurationProblem.class)
                        .hasMessage("the home folder " + home + " is in use by process " + PID + " on host "
                                + ThisProcess.host() + " (qcl run, since 2026-11-30T08:00:00Z); wait for it to end,"
                                + " or give this job another --home");
            }
        }

        @Test
        void should_empty_the_file_and_free_the_folder_when_the_job_ends() throws IOException {
            // given
            HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()).close();

            // when
            assertThat(lockText()).isEmpty();
            try (HomeFolderLock next = HomeFolderLock.forJob(home, "rerun-failed", NO_WAIT, new Ticking())) {
                // then
                assertThat(lockText()).contains("(qcl rerun-failed, since");
            }
        }

        @Test
        void should_refuse_a_job_naming_the_process_when_another_process_holds_the_folder() throws IOException {
            // given
            try (FileChannel other = channel();
                    FileLock held = heldElsewhere(other, "ready process 4242 on host elsewhere (qcl run, since x)")) {
                // when / then
                assertThatThrownBy(() -> HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()))
                        .isInstanceOf(ConfigurationProblem.class)
                        .hasMessageContaining("is in use by process 4242 on host elsewhere (qcl run, since x);");
            }
        }

        @Test
        void should_name_another_qcl_job_when_the_holder_wrote_nothing_readable() throws IOException {
            try (FileChannel other = channel();
                    FileLock held = heldElsewhere(other, "")) {
                assertThatThrownBy(() -> HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()))
                        .isInstanceOf(ConfigurationProblem.class)
                        .hasMessageContaining("is in use by another qcl job;");
            }
        }

        @Test
        void should_give_up_waiting_for_a_reader_of_this_process_when_the_wait_is_over() throws IOException {
            // given
            try (HomeFolderLock reader = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                // when / then
                assertThatThrownBy(() -> HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()))
                        .isInstanceOf(ConfigurationProblem.class)
                        .hasMessage("the home folder " + home
                                + " is being read by another qcl command (status, report, specs list); try again");
            }
        }

        @Test
        void should_take_the_folder_when_the_reader_has_ended() throws IOException {
            // given
            HomeFolderLock.forReading(home, NO_WAIT, new Ticking()).close();

            // when
            try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                // then
                assertThat(lockText()).startsWith("starting process " + PID);
            }
        }

        @Test
        void should_refuse_a_home_that_cannot_be_made_a_folder() throws IOException {
            Path file = Files.writeString(home.resolve("a-file"), "x");

            assertThatThrownBy(() -> HomeFolderLock.forJob(file.resolve("home"), "run", NO_WAIT, new Ticking()))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("cannot be created");
        }
    }

    @Nested
    class Readers {
        @Test
        void should_share_the_folder_with_other_readers_and_leave_the_file_alone_when_no_job_runs() throws IOException {
            // given
            try (HomeFolderLock first = HomeFolderLock.forReading(home, NO_WAIT, new Ticking());
                    HomeFolderLock second = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                // then
                assertThat(first.jobDatabase()).isEmpty();
                assertThat(second.jobDatabase()).isEmpty();
                assertThat(lockText()).isEmpty();
            }
            // and the folder is free once both are done
            try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                assertThat(lockText()).startsWith("starting");
            }
        }

        @Test
        void should_join_the_jobs_database_when_a_job_of_this_process_is_ready() throws IOException {
            // given
            try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                job.ready("run", Optional.of("jdbc:h2:tcp://127.0.0.1:9092/qcl "));

                // when
                try (HomeFolderLock reader = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                    // then
                    assertThat(reader.jobDatabase()).contains("jdbc:h2:tcp://127.0.0.1:9092/qcl");
                }
                // and the job still holds the folder
                assertThat(lockText()).startsWith("ready ");
            }
        }

        @Test
        void should_read_beside_a_ready_job_without_a_shared_database_when_it_shares_none() throws IOException {
            try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                job.ready("run", Optional.empty());

                try (HomeFolderLock reader = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                    assertThat(reader.jobDatabase()).isEmpty();
                }
            }
        }

        @Test
        void should_join_the_database_of_a_job_in_another_process_when_it_is_ready() throws IOException {
            try (FileChannel other = channel();
                    FileLock held = heldElsewhere(
                            other,
                            "ready process 4242 on host elsewhere (qcl run, since x) database=jdbc:h2:tcp://h/q")) {
                try (HomeFolderLock reader = HomeFolderLock.forReading(home, Duration.ofMinutes(1), new Ticking())) {
                    assertThat(reader.jobDatabase()).contains("jdbc:h2:tcp://h/q");
                }
            }
        }

        @Test
        void should_read_beside_a_starting_job_when_the_wait_for_it_is_over() throws IOException {
            try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                try (HomeFolderLock reader = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                    assertThat(reader.jobDatabase()).isEmpty();
                }
                // the reader left the job's description as it was
                assertThat(lockText()).startsWith("starting process " + PID);
            }
        }
    }

    @Nested
    class Handles {
        /** Files this process has open (Linux). */
        long openFiles() throws IOException {
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                return fds.count();
            }
        }

        @Test
        void should_leave_no_file_open_when_commands_end_or_are_refused() throws IOException {
            // given
            long before = openFiles();

            // when: twenty jobs and readers come and go, and twenty are refused
            for (int i = 0; i < 20; i++) {
                HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()).close();
                HomeFolderLock.forReading(home, NO_WAIT, new Ticking()).close();
                try (HomeFolderLock job = HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking())) {
                    assertThatThrownBy(() -> HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()))
                            .isInstanceOf(ConfigurationProblem.class);
                }
                try (HomeFolderLock reader = HomeFolderLock.forReading(home, NO_WAIT, new Ticking())) {
                    assertThatThrownBy(() -> HomeFolderLock.forJob(home, "run", NO_WAIT, new Ticking()))
                            .isInstanceOf(ConfigurationProblem.class);
                }
            }

            // then: not one handle per command (a few may come and go in the JVM meanwhile)
            assertThat(openFiles() - before).isLessThan(10);
        }
    }
}

package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When a digest this process computed is trusted again without reading the file. */
class KnownDigestsTests {
    static final String SHA = "a".repeat(64);
    static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path settledFile(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofMinutes(5))));
        return file;
    }

    @Test
    void should_trust_a_digest_when_the_file_shows_the_stamp_it_had_when_hashed() throws Exception {
        // given
        Path file = settledFile("in.csv", "abc");
        KnownDigests.remember(file, KnownDigests.stamp(file), SHA, CLOCK);

        // when / then
        assertThat(KnownDigests.unchanged(file, SHA)).isTrue();
        assertThat(KnownDigests.unchanged(dir.resolve(".").resolve("in.csv"), SHA))
                .isTrue();
        assertThat(KnownDigests.unchanged(file, "b".repeat(64))).isFalse();
        assertThat(KnownDigests.unchanged(dir.resolve("other.csv"), SHA)).isFalse();
    }

    @Test
    void should_not_trust_a_digest_when_the_files_time_size_or_identity_changed() throws Exception {
        // given
        Path touched = settledFile("touched.csv", "abc");
        Path grown = settledFile("grown.csv", "abc");
        Path replaced = settledFile("replaced.csv", "abc");
        for (Path file : new Path[] {touched, grown, replaced}) {
            KnownDigests.remember(file, KnownDigests.stamp(file), SHA, CLOCK);
        }

        // when: a new time; a new size with the old time; another file of the same size and time moved over it
        FileTime old = Files.getLastModifiedTime(touched);
        Files.setLastModifiedTime(touched, FileTime.from(old.toInstant().plusMillis(1)));
        Files.writeString(grown, "abcd", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(grown, old);
        Path twin = settledFile("twin.csv", "abX");
        Files.move(twin, replaced, StandardCopyOption.REPLACE_EXISTING);

        // then
        assertThat(KnownDigests.unchanged(touched, SHA)).isFalse();
        assertThat(KnownDigests.unchanged(grown, SHA)).isFalse();
        assertThat(KnownDigests.unchanged(replaced, SHA)).isFalse();
    }

    @Test
    void should_not_remember_a_file_written_within_the_settling_time_or_changed_while_it_was_hashed() throws Exception {
        // given
        Path fresh = dir.resolve("fresh.csv");
        Files.writeString(fresh, "abc", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(
                fresh, FileTime.from(NOW.minus(KnownDigests.SETTLED).plusMillis(1)));
        Path justSettled = dir.resolve("settled.csv");
        Files.writeString(justSettled, "abc", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(justSettled, FileTime.from(NOW.minus(KnownDigests.SETTLED)));
        Path changing = settledFile("changing.csv", "abc");
        KnownDigests.Stamp before = KnownDigests.stamp(changing);
        Files.writeString(changing, "abcdef", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(changing, FileTime.from(NOW.minus(Duration.ofMinutes(1))));

        // when
        KnownDigests.remember(fresh, KnownDigests.stamp(fresh), SHA, CLOCK);
        KnownDigests.remember(justSettled, KnownDigests.stamp(justSettled), SHA, CLOCK);
        KnownDigests.remember(changing, before, SHA, CLOCK);
        KnownDigests.remember(dir.resolve("missing.csv"), KnownDigests.stamp(dir.resolve("missing.csv")), SHA, CLOCK);

        // then
        assertThat(KnownDigests.unchanged(fresh, SHA)).isFalse();
        assertThat(KnownDigests.unchanged(justSettled, SHA)).isTrue();
        assertThat(KnownDigests.unchanged(changing, SHA)).isFalse();
        assertThat(KnownDigests.unchanged(dir.resolve("missing.csv"), SHA)).isFalse();
    }

    @Test
    void should_forget_an_earlier_digest_when_the_file_is_hashed_again_while_it_is_being_written() throws Exception {
        // given
        Path file = settledFile("in.csv", "abc");
        KnownDigests.remember(file, KnownDigests.stamp(file), SHA, CLOCK);

        // when: hashed again just after a write
        Files.setLastModifiedTime(file, FileTime.from(NOW));
        KnownDigests.remember(file, KnownDigests.stamp(file), SHA, CLOCK);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofMinutes(5))));

        // then
        assertThat(KnownDigests.unchanged(file, SHA)).isFalse();
    }
}

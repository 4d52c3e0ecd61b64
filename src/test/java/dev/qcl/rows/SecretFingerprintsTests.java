package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Contract section 8: fingerprints are keyed with a secret that the job repository does not hold. */
class SecretFingerprintsTests {
    @TempDir
    Path dir;

    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource("jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
        // qcl's tables as the application makes them: through its Flyway migrations
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Nested
    class Key_file {
        @Test
        void should_create_the_key_file_with_mode_600_and_reuse_it() throws IOException {
            // given
            Path file = dir.resolve("home/fingerprint.key");

            // when
            byte[] first = FingerprintKey.load(file);
            byte[] second = FingerprintKey.load(file);

            // then
            assertThat(first).hasSize(32).isEqualTo(second);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            assertThat(dir.resolve("home")).isDirectoryNotContaining("glob:**.tmp");
        }

        @Test
        void should_accept_a_key_of_sixteen_bytes_and_refuse_a_shorter_one() throws IOException {
            Path sixteen = Files.writeString(dir.resolve("16.key"), "ab".repeat(16) + "\n");
            Path fifteen = Files.writeString(dir.resolve("15.key"), "ab".repeat(15));

            assertThat(FingerprintKey.load(sixteen)).hasSize(16);
            assertThatThrownBy(() -> FingerprintKey.load(fifteen))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("fewer than 16 bytes");
        }

        @Test
        void should_refuse_a_key_file_that_is_not_hex_with_a_configuration_problem() throws IOException {
            Path file = Files.writeString(dir.resolve("bad.key"), "not a key");

            assertThatThrownBy(() -> FingerprintKey.load(file))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("bad.key");
        }
    }

    @Nested
    class Fingerprints {
        @Test
        void should_store_no_value_and_nothing_that_a_reader_of_the_database_could_test_guesses_against() {
            // given
            SecretFingerprints fingerprints = new SecretFingerprints(jdbc, FingerprintKey.load(dir.resolve("k1")));

            // when
            fingerprints.remember("c-1", "password", "hunter2");

            // then: the table holds a keyed value, and no key or salt is anywhere in the database
            List<String> stored = jdbc.queryForList("SELECT FINGERPRINT FROM QCL_SECRET_FINGERPRINT", String.class);
            assertThat(stored).singleElement().asString().startsWith("k1:").doesNotContain("hunter2");
            assertThat(jdbc.queryForList("SELECT NAME FROM QCL_SETTING", String.class))
                    .isEmpty();
            assertThat(fingerprints.changed("c-1", "password", "hunter2")).isFalse();
            assertThat(fingerprints.changed("c-1", "password", "hunter3")).isTrue();
        }

        @Test
        void should_keep_connection_property_and_value_apart_when_their_texts_run_together() {
            SecretFingerprints fingerprints = new SecretFingerprints(jdbc, FingerprintKey.load(dir.resolve("k1")));

            assertThat(fingerprints.fingerprint("c-1", "pass", "word"))
                    .isNotEqualTo(fingerprints.fingerprint("c-1", "pas", "sword"))
                    .isNotEqualTo(fingerprints.fingerprint("c-1p", "ass", "word"));
        }

        @Test
        void should_give_other_fingerprints_under_another_key() {
            SecretFingerprints one = new SecretFingerprints(jdbc, FingerprintKey.load(dir.resolve("k1")));
            SecretFingerprints other = new SecretFingerprints(jdbc, FingerprintKey.load(dir.resolve("k2")));

            assertThat(one.fingerprint("c-1", "password", "hunter2"))
                    .isNotEqualTo(other.fingerprint("c-1", "password", "hunter2"));
        }

        @Test
        void should_treat_a_fingerprint_of_an_older_version_as_unknown_so_the_secret_is_sent_once_more() {
            // given: a salted SHA-256 fingerprint as older versions stored it
            SecretFingerprints fingerprints = new SecretFingerprints(jdbc, FingerprintKey.load(dir.resolve("k1")));
            jdbc.update(
                    "INSERT INTO QCL_SECRET_FINGERPRINT (CONNECTION_ID, PROPERTY, FINGERPRINT) VALUES (?, ?, ?)",
                    "c-1",
                    "password",
                    "a".repeat(64));

            // then
            assertThat(fingerprints.changed("c-1", "password", "hunter2")).isTrue();
            fingerprints.remember("c-1", "password", "hunter2");
            assertThat(fingerprints.changed("c-1", "password", "hunter2")).isFalse();
        }
    }
}

package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/** The API key from QLIK_API_KEY or its file, and the warning about a file others may read. */
class ApiKeysTests {
    @TempDir
    Path dir;

    final Logger logger = (Logger) LoggerFactory.getLogger(ApiKeys.class);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void capture() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logs);
    }

    Path keyFile(String text, String mode) throws IOException {
        Path file = Files.writeString(dir.resolve("api.key"), text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    @Test
    void should_read_the_first_line_of_the_key_file_when_the_environment_has_no_key() throws IOException {
        Path file = keyFile("\n  key-1  \nsecond line\n", "rw-------");

        assertThat(ApiKeys.load(file, Map.of("QLIK_API_KEY", "  ")::get)).isEqualTo("key-1");
        assertThat(logs.list).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rw-r-----", "rw----r--"})
    void should_warn_without_the_key_when_others_may_read_the_file(String mode) throws IOException {
        Path file = keyFile("key-1", mode);

        ApiKeys.load(file, Map.<String, String>of()::get);

        assertThat(logs.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage())
                    .isEqualTo("The API key file " + file + " is readable by other users; run: chmod 600 " + file)
                    .doesNotContain("key-1");
        });
    }

    @Test
    void should_refuse_a_key_file_that_cannot_be_read_naming_the_property() {
        Path missing = dir.resolve("missing.key");

        assertThatThrownBy(() -> ApiKeys.load(missing, Map.<String, String>of()::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage("cannot read the API key file " + missing + "; check qcl.api-key-file");
    }

    @Test
    void should_ask_for_a_key_when_neither_the_environment_nor_a_file_has_one() {
        assertThatThrownBy(() -> ApiKeys.load(null, Map.<String, String>of()::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageStartingWith("no API key: set QLIK_API_KEY");
        assertThat(ApiKeys.configured(null, Map.of("QLIK_API_KEY", " ")::get)).isFalse();
        assertThat(ApiKeys.configured(dir.resolve("k"), Map.<String, String>of()::get))
                .isTrue();
        assertThat(ApiKeys.configured(null, Map.of("QLIK_API_KEY", "k")::get)).isTrue();
    }
}

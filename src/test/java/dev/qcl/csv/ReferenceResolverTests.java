package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.ReferenceResolver.UnresolvedReferenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceResolverTests {
    @TempDir
    Path dir;

    private static Reference reference(String cell) {
        return Reference.parse(cell).orElseThrow();
    }

    @Nested
    class EnvReferences {
        private final ReferenceResolver resolver =
                new ReferenceResolver(Path.of("."), Map.of("DB_PASS", "s3cret")::get);

        @Test
        void should_resolve_a_variable_that_is_set() {
            assertThat(resolver.resolve(reference("${env:DB_PASS}"))).isEqualTo("s3cret");
        }

        @Test
        void should_name_a_variable_that_is_not_set_without_any_value() {
            assertThatThrownBy(() -> resolver.resolve(reference("${env:MISSING}")))
                    .isInstanceOf(UnresolvedReferenceException.class)
                    .hasMessageContaining("environment variable MISSING is not set");
        }

        @Test
        void should_check_a_variable_like_it_resolves_it() {
            assertThatCode(() -> resolver.check(reference("${env:DB_PASS}"))).doesNotThrowAnyException();
            assertThatThrownBy(() -> resolver.check(reference("${env:MISSING}")))
                    .isInstanceOf(UnresolvedReferenceException.class);
        }
    }

    @Nested
    class FileReferences {
        @Test
        void should_resolve_a_file_as_base64_of_its_bytes() throws IOException {
            // given
            byte[] key = {0, 1, 2, (byte) 0xFF, 'k', 'e', 'y'};
            Files.write(dir.resolve("key.p12"), key);
            ReferenceResolver resolver = new ReferenceResolver(dir, name -> null);

            // when
            String value = resolver.resolve(reference("${file:key.p12}"));

            // then
            assertThat(Base64.getDecoder().decode(value)).isEqualTo(key);
            assertThat(resolver.fileName(reference("${file:key.p12}"))).isEqualTo("key.p12");
        }

        @Test
        void should_resolve_a_path_relative_to_the_folder_of_the_csv() throws IOException {
            // given
            Path csv = Files.createDirectories(dir.resolve("input")).resolve("connections.csv");
            Files.createDirectories(dir.resolve("input/certs"));
            Files.writeString(dir.resolve("input/certs/ca.pem"), "PEM");
            ReferenceResolver resolver = ReferenceResolver.forInput(csv);

            // when
            String value = resolver.resolve(reference("${file:certs/ca.pem}"));

            // then
            assertThat(value).isEqualTo(Base64.getEncoder().encodeToString("PEM".getBytes()));
            assertThat(resolver.fileName(reference("${file:certs/ca.pem}"))).isEqualTo("ca.pem");
        }

        @Test
        void should_name_a_missing_file_and_say_the_path_is_relative_to_the_csv() {
            // given
            ReferenceResolver resolver = new ReferenceResolver(dir, name -> null);

            // then
            assertThatThrownBy(() -> resolver.resolve(reference("${file:nope.pem}")))
                    .isInstanceOf(UnresolvedReferenceException.class)
                    .hasMessageContaining("file nope.pem")
                    .hasMessageContaining("relative to the CSV's folder");
        }

        @Test
        void should_check_a_file_without_reading_it_and_reject_a_folder() throws IOException {
            // given
            Files.writeString(dir.resolve("present.txt"), "x");
            Files.createDirectories(dir.resolve("folder"));
            ReferenceResolver resolver = new ReferenceResolver(dir, name -> null);

            // then
            assertThatCode(() -> resolver.check(reference("${file:present.txt}")))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> resolver.check(reference("${file:folder}")))
                    .isInstanceOf(UnresolvedReferenceException.class);
            assertThatThrownBy(() -> resolver.check(reference("${file:absent.txt}")))
                    .isInstanceOf(UnresolvedReferenceException.class);
        }
    }
}

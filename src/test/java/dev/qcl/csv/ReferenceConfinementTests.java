package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.ReferenceResolver.UnresolvedReferenceException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract section 4: what a reference in a shared sheet may read. */
class ReferenceConfinementTests {
    @TempDir
    Path dir;

    private Path sheetFolder;
    private Path outside;

    @BeforeEach
    void folders() throws IOException {
        sheetFolder = Files.createDirectories(dir.resolve("sheets"));
        outside = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(outside.resolve("id_rsa"), "PRIVATE KEY");
        Files.writeString(sheetFolder.resolve("inside.pem"), "PEM");
    }

    private static Reference reference(String cell) {
        return Reference.parse(cell).orElseThrow();
    }

    private ReferenceResolver resolver(ReferenceRules rules) {
        return new ReferenceResolver(
                sheetFolder,
                Map.of(
                        "QLIK_API_KEY",
                        "the-real-key",
                        "QLIK_CLIENT_SECRET",
                        "the-client-secret",
                        "PG_PASSWORD",
                        "pg-pass",
                        "OTHER",
                        "other-value")::get,
                rules);
    }

    private void assertRefused(ReferenceResolver resolver, String cell, String why) {
        assertThatThrownBy(() -> resolver.check(reference(cell)))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("is refused")
                .hasMessageContaining(why);
        assertThatThrownBy(() -> resolver.resolve(reference(cell)))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining(why)
                .satisfies(e -> assertThat(e.getMessage())
                        .doesNotContain("PRIVATE KEY", "the-real-key", "the-client-secret", base64("PRIVATE KEY")));
    }

    @Nested
    class Files_in_the_sheets_folder {
        @Test
        void should_read_a_file_inside_the_folder() {
            assertThat(resolver(ReferenceRules.DEFAULT).resolve(reference("${file:inside.pem}")))
                    .isEqualTo(base64("PEM"));
        }

        @Test
        void should_read_a_file_reached_by_dot_dot_that_stays_inside() throws IOException {
            Files.createDirectories(sheetFolder.resolve("certs"));

            assertThat(resolver(ReferenceRules.DEFAULT).resolve(reference("${file:certs/../inside.pem}")))
                    .isEqualTo(base64("PEM"));
        }

        @Test
        void should_refuse_a_path_that_leaves_the_folder_with_dot_dot() {
            assertRefused(resolver(ReferenceRules.DEFAULT), "${file:../elsewhere/id_rsa}", "leaves the CSV's folder");
        }

        @Test
        void should_refuse_a_symbolic_link_that_leads_outside_the_folder() throws IOException {
            Files.createSymbolicLink(sheetFolder.resolve("innocent.pem"), outside.resolve("id_rsa"));

            assertRefused(resolver(ReferenceRules.DEFAULT), "${file:innocent.pem}", "symbolic link");
        }

        @Test
        void should_follow_a_symbolic_link_that_stays_inside_the_folder() throws IOException {
            Files.createSymbolicLink(sheetFolder.resolve("alias.pem"), sheetFolder.resolve("inside.pem"));

            assertThat(resolver(ReferenceRules.DEFAULT).resolve(reference("${file:alias.pem}")))
                    .isEqualTo(base64("PEM"));
        }

        @Test
        void should_refuse_a_file_larger_than_one_mebibyte_and_accept_one_of_exactly_that_size() throws IOException {
            // given
            sized(sheetFolder.resolve("big.bin"), 2 * 1024 * 1024);
            sized(sheetFolder.resolve("limit.bin"), ReferenceResolver.MAX_FILE_BYTES);
            ReferenceResolver resolver = resolver(ReferenceRules.DEFAULT);

            // then
            assertRefused(resolver, "${file:big.bin}", "has 2097152 bytes; at most 1048576 (1 MiB)");
            assertThatCode(() -> resolver.check(reference("${file:limit.bin}"))).doesNotThrowAnyException();
            assertThat(Base64.getDecoder().decode(resolver.resolve(reference("${file:limit.bin}"))))
                    .hasSize((int) ReferenceResolver.MAX_FILE_BYTES);
        }
    }

    @Nested
    class Absolute_paths {
        @Test
        void should_refuse_an_absolute_path_when_no_file_root_is_configured() {
            assertRefused(
                    resolver(ReferenceRules.DEFAULT),
                    "${file:" + outside.resolve("id_rsa") + "}",
                    "absolute paths are refused");
        }

        @Test
        void should_read_an_absolute_path_under_a_configured_file_root() {
            ReferenceResolver resolver = resolver(new ReferenceRules(List.of(outside), Set.of()));

            assertThat(resolver.resolve(reference("${file:" + outside.resolve("id_rsa") + "}")))
                    .isEqualTo(base64("PRIVATE KEY"));
        }

        @Test
        void should_refuse_an_absolute_path_outside_every_file_root() throws IOException {
            Path root = Files.createDirectories(dir.resolve("keys"));
            ReferenceResolver resolver = resolver(new ReferenceRules(List.of(root), Set.of()));

            assertRefused(
                    resolver,
                    "${file:" + outside.resolve("id_rsa") + "}",
                    "outside the folders of qcl.references.file-roots");
            assertRefused(resolver, "${file:" + root + "/../elsewhere/id_rsa}", "outside the folders");
        }
    }

    @Nested
    class Environment_variables {
        @Test
        void should_never_read_qcls_own_credentials() {
            ReferenceResolver resolver = resolver(ReferenceRules.DEFAULT);

            assertRefused(resolver, "${env:QLIK_API_KEY}", "qcl's own credentials");
            assertRefused(resolver, "${env:QLIK_CLIENT_SECRET}", "qcl's own credentials");
        }

        @Test
        void should_not_read_qcls_own_credentials_even_when_the_allow_list_names_them() {
            ReferenceResolver resolver = resolver(new ReferenceRules(List.of(), Set.of("QLIK_API_KEY")));

            assertRefused(resolver, "${env:QLIK_API_KEY}", "qcl's own credentials");
        }

        @Test
        void should_read_only_listed_variables_when_an_allow_list_is_set() {
            ReferenceResolver resolver = resolver(new ReferenceRules(List.of(), Set.of("PG_PASSWORD")));

            assertThat(resolver.resolve(reference("${env:PG_PASSWORD}"))).isEqualTo("pg-pass");
            assertRefused(resolver, "${env:OTHER}", "not listed in qcl.references.env-allow");
        }

        @Test
        void should_read_any_other_variable_without_an_allow_list() {
            assertThat(resolver(ReferenceRules.DEFAULT).resolve(reference("${env:OTHER}")))
                    .isEqualTo("other-value");
        }
    }

    private static void sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(bytes);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes());
    }
}

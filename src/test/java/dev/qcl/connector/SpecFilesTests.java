package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The api-specs cache files on disk: names, contents, and files that cannot be trusted. */
class SpecFilesTests {
    private static final Instant FETCHED = Instant.parse("2025-01-10T08:00:00Z");
    private final JsonMapper mapper = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private SpecFiles files() {
        return new SpecFiles(dir, mapper);
    }

    private SpecFiles.Entry entry(String dataSourceId) {
        ObjectNode spec = mapper.createObjectNode();
        spec.putObject("connectionProperties").put("type", "object");
        return new SpecFiles.Entry(dataSourceId, "1.2.3", FETCHED, spec);
    }

    @Nested
    class FileNames {
        @ParameterizedTest
        @CsvSource({
            "File_AmazonS3ConnectorV2, File_AmazonS3ConnectorV2.json",
            "azAZ09_-, azAZ09_-.json",
            "a.b, a.b.json",
            ".hidden, %2Ehidden.json",
            "../up, %2E.%2Fup.json",
            "'@[`{', %40%5B%60%7B.json",
            "'/:', %2F%3A.json",
            "café, caf%C3%A9.json",
            "'a b', a%20b.json"
        })
        void should_keep_letters_digits_underscores_and_hyphens_and_escape_the_rest(String id, String fileName) {
            assertThat(files().fileOf(id)).isEqualTo(dir.resolve(fileName));
        }
    }

    @Nested
    class ReadingBack {
        @Test
        void should_read_back_an_entry_it_wrote() {
            // given
            SpecFiles files = files();
            files.write(entry("rest"));

            // when
            SpecFiles.Entry read = files.read("rest").orElseThrow();

            // then
            assertThat(read).isEqualTo(entry("rest"));
        }

        @Test
        void should_ignore_a_file_that_holds_the_spec_of_another_data_source() throws IOException {
            // given: the file of "rest" copied over the file of "snowflake"
            SpecFiles files = files();
            files.write(entry("rest"));
            Files.copy(files.fileOf("rest"), files.fileOf("snowflake"));

            // then
            assertThat(files.read("snowflake")).isEmpty();
            assertThat(files.read("rest")).isPresent();
        }

        @Test
        void should_ignore_files_without_an_id_a_spec_or_a_time() throws IOException {
            // given
            SpecFiles files = files();
            Files.createDirectories(dir);
            Files.writeString(files.fileOf("noId"), "{\"spec\": {}, \"fetchedAt\": \"2025-01-10T08:00:00Z\"}");
            Files.writeString(
                    files.fileOf("noSpec"),
                    "{\"dataSourceId\": \"noSpec\", \"spec\": 1," + " \"fetchedAt\": \"2025-01-10T08:00:00Z\"}");
            Files.writeString(files.fileOf("noTime"), "{\"dataSourceId\": \"noTime\", \"spec\": {}}");
            Files.writeString(files.fileOf("notJson"), "{\"dataSourceId\": ");

            // then
            assertThat(files.read("noId")).isEmpty();
            assertThat(files.read("noSpec")).isEmpty();
            assertThat(files.read("noTime")).isEmpty();
            assertThat(files.read("notJson")).isEmpty();
            assertThat(files.readAll()).isEmpty();
        }

        @Test
        void should_list_every_readable_entry_by_data_source_id() throws IOException {
            // given
            SpecFiles files = files();
            files.write(entry("snowflake"));
            files.write(entry("File_AmazonS3ConnectorV2"));
            files.write(entry("rest"));
            Files.writeString(dir.resolve("broken.json"), "not json");
            Files.writeString(dir.resolve("notes.txt"), "{}");

            // then
            assertThat(files.readAll())
                    .extracting(SpecFiles.Entry::dataSourceId)
                    .containsExactly("File_AmazonS3ConnectorV2", "rest", "snowflake");
        }

        @Test
        void should_list_nothing_when_the_folder_does_not_exist_yet() {
            assertThat(new SpecFiles(dir.resolve("specs/acme"), mapper).readAll())
                    .isEmpty();
        }

        @Test
        void should_create_the_folder_on_the_first_write_and_leave_no_temporary_file() throws IOException {
            // given
            Path tenantDir = dir.resolve("specs/acme");
            SpecFiles files = new SpecFiles(tenantDir, mapper);

            // when
            files.write(entry("rest"));

            // then
            try (var listed = Files.list(tenantDir)) {
                assertThat(listed).containsExactly(tenantDir.resolve("rest.json"));
            }
        }

        @Test
        void should_replace_an_entry_and_forget_a_deleted_one() {
            // given
            SpecFiles files = files();
            files.write(entry("rest"));
            files.write(new SpecFiles.Entry(
                    "rest", "2.0.0", FETCHED.plusSeconds(60), entry("rest").spec()));

            // then
            assertThat(files.read("rest").orElseThrow().connectorVersion()).isEqualTo("2.0.0");

            // when
            files.delete("rest");

            // then
            assertThat(files.read("rest")).isEmpty();
        }
    }
}

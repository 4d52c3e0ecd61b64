package dev.qcl.run.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.run.PlanRef;
import dev.qcl.settings.ConfigurationProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plans as files: written whole, read back the same with the digest of their bytes, refused when not a plan. */
class PlanFilesTests {
    static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();

    @TempDir
    Path dir;

    @Nested
    class WrittenAndRead {
        @Test
        void should_read_back_what_was_written_with_the_sha256_of_the_files_bytes() throws Exception {
            // given
            Path file = dir.resolve("plan.json");

            // when
            String written = PlanFiles.write(file, PlanFixtures.plan());
            PlanFiles.Loaded loaded = PlanFiles.read(file);

            // then
            assertThat(loaded.plan()).isEqualTo(PlanFixtures.plan());
            String digest = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            assertThat(loaded.sha256()).isEqualTo(written).isEqualTo(digest);
            assertThat(loaded.ref())
                    .isEqualTo(new PlanRef(file, digest, java.time.Instant.parse(PlanFixtures.CREATED)));
            assertThat(dir.resolve("plan.json.tmp")).doesNotExist();
        }

        @Test
        void should_load_the_plan_of_a_run_only_while_its_bytes_are_those_the_run_started_with() throws Exception {
            Path file = dir.resolve("plan.json");
            PlanFiles.write(file, PlanFixtures.plan());
            PlanRef ref = PlanFiles.read(file).ref();
            assertThat(PlanFiles.load(ref)).isEqualTo(PlanFixtures.plan());

            Files.writeString(file, Files.readString(file).replace("pg-new", "pg-other"));

            assertThatThrownBy(() -> PlanFiles.load(ref))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("changed since the run that applies it started");
        }
    }

    @Nested
    class NotAPlan {
        void assertRefused(String json, String reason) throws Exception {
            Path file = dir.resolve("bad.json");
            Files.writeString(file, json);
            assertThatThrownBy(() -> PlanFiles.read(file))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("is not a qcl plan")
                    .hasMessageContaining(reason)
                    .hasMessageNotContaining("\n");
        }

        @Test
        void should_refuse_text_that_is_not_json_or_lacks_what_a_plan_holds() throws Exception {
            assertRefused("{\"qclPlan\": 1, \"rows\": [", "");
            assertRefused("[1, 2]", "");
            assertRefused("{\"qclPlan\": 1}", "");
        }

        @Test
        void should_refuse_another_format_version_and_actions_a_plan_cannot_have() throws Exception {
            Path good = dir.resolve("plan.json");
            PlanFiles.write(good, PlanFixtures.plan());
            String json = Files.readString(good);

            assertRefused(json.replace("\"qclPlan\" : 1", "\"qclPlan\" : 2"), "its format is 2");
            assertRefused(json.replace("\"CREATE\"", "\"CREATED\""), "row 2 has the action CREATED");
            var tree = (tools.jackson.databind.node.ObjectNode) JSON.readTree(json);
            ((tools.jackson.databind.node.ObjectNode) tree.get("rows").get(1)).putNull("target");
            assertRefused(tree.toString(), "row 3 is to UPDATE but names no connection");
            assertRefused(json.replace(PlanFixtures.CREATED, "yesterday"), "createdAt 'yesterday' is not a time");
        }

        @Test
        void should_say_that_a_missing_plan_does_not_exist() {
            assertThatThrownBy(() -> PlanFiles.read(dir.resolve("none.json")))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageContaining("does not exist");
        }
    }
}

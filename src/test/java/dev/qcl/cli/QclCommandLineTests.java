package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line's contract: commands, help, and the exit codes 0, 1, 2 and 3. */
class QclCommandLineTests {
    static final String ONE_ROW = """
            qName,dataSourceId,spaceName,host,database
            pg-1,postgres,Finance,h1,d1
            """;

    @Nested
    class Usage {
        @ParameterizedTest
        @ValueSource(
                strings = {"run", "validate", "restart", "rerun-failed", "status", "report", "specs", "export", "demo"})
        void should_print_usage_and_exit_0_when_a_command_is_asked_for_help(String command) {
            Qcl.Outcome outcome = Qcl.run(command, "--help");

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.out()).contains("Usage: qcl " + command);
        }

        @Test
        void should_print_usage_and_exit_0_when_a_subcommand_of_specs_is_asked_for_help() {
            assertThat(Qcl.run("specs", "list", "--help").exitCode()).isZero();
            assertThat(Qcl.run("specs", "refresh", "--help").out()).contains("Usage: qcl specs refresh");
        }

        @Test
        void should_exit_2_when_an_option_is_unknown(@TempDir Path dir) {
            Qcl.Outcome outcome = Qcl.run("run", "--input", "x.csv", "--bogus", "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("--bogus");
        }

        @Test
        void should_exit_2_when_a_space_mapping_lacks_a_side(@TempDir Path dir) {
            Qcl.Outcome outcome =
                    Qcl.run("validate", "--input", "x.csv", "--map-space", "Finance", "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("--map-space needs FROM=TO");
        }

        @Test
        void should_exit_2_when_a_command_is_unknown() {
            Qcl.Outcome outcome = Qcl.run("frobnicate");

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("frobnicate");
        }

        @Test
        void should_exit_2_when_no_command_is_given() {
            assertThat(Qcl.run().exitCode()).isEqualTo(2);
        }

        @Test
        void should_exit_2_when_on_existing_has_an_unknown_mode(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);

            Qcl.Outcome outcome =
                    Qcl.run("run", "--input", input.toString(), "--on-existing", "merge", "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("skip, update or fail");
        }
    }

    @Nested
    class Configuration {
        @Test
        void should_exit_2_without_sending_when_there_is_no_api_key(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome outcome = Qcl.run(
                        "run",
                        "--input",
                        input.toString(),
                        "--tenant",
                        tenant.sandbox().url(),
                        "--home",
                        dir.resolve("home").toString());

                assertThat(outcome.exitCode()).isEqualTo(2);
                assertThat(outcome.err()).contains("no API key").contains("QLIK_API_KEY");
                assertThat(tenant.sandbox().server().getAllServeEvents()).isEmpty();
            }
        }

        @Test
        void should_exit_2_when_the_tenant_url_is_plain_http_on_another_host(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            Path key = Files.writeString(dir.resolve("key"), "k");

            Qcl.Outcome outcome = Qcl.against(
                    "http://acme.eu.qlikcloud.com", key, dir.resolve("home"), "run", "--input", input.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("https://");
        }

        @Test
        void should_exit_2_when_no_tenant_is_configured(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);

            Qcl.Outcome outcome = Qcl.run("validate", "--input", input.toString(), "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("QLIK_TENANT_URL");
        }

        @Test
        void should_exit_3_when_the_tenant_cannot_be_reached(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            Path key = Files.writeString(dir.resolve("key"), "k");

            Qcl.Outcome outcome = Qcl.against(
                    "http://127.0.0.1:1",
                    key,
                    dir.resolve("home"),
                    "run",
                    "--input",
                    input.toString(),
                    "--qcl.write.max-attempts=1");

            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(outcome.err()).doesNotContain("\tat ");
            assertThat(outcome.lastLine()).contains("FAILED");
        }
    }

    @Nested
    class NothingToDo {
        @Test
        void should_exit_2_when_there_is_no_run_to_restart(@TempDir Path dir) {
            Qcl.Outcome outcome = Qcl.run("restart", "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("no run to restart");
        }

        @Test
        void should_exit_2_when_there_is_no_run_to_rerun(@TempDir Path dir) {
            Qcl.Outcome outcome = Qcl.run("rerun-failed", "--home", dir.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("there are no runs yet");
        }

        @Test
        void should_exit_2_when_the_latest_run_has_no_failed_rows(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            try (TestTenant tenant = TestTenant.start(dir)) {
                assertThat(tenant.qcl("run", "--input", input.toString()).exitCode())
                        .isZero();

                Qcl.Outcome outcome = tenant.qcl("rerun-failed");

                assertThat(outcome.exitCode()).isEqualTo(2);
                assertThat(outcome.err()).contains("no FAILED or INVALID rows");
            }
        }
    }

    @Nested
    class History {
        @Test
        void should_list_runs_and_show_one_run_with_its_top_errors(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW + "pg-2,postgres,Finance,h2,\n");
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.qcl("run", "--input", input.toString(), "--run-label", "first");

                Qcl.Outcome list = Qcl.run("status", "--home", tenant.home().toString());
                Qcl.Outcome one =
                        Qcl.run("status", "--run", "1", "--home", tenant.home().toString());

                assertThat(list.exitCode()).isZero();
                assertThat(list.out())
                        .contains("RUN")
                        .contains("first")
                        .contains("COMPLETED")
                        .contains(input.toString());
                assertThat(one.out())
                        .contains("Run 1 (first): COMPLETED")
                        .contains("CREATED  1")
                        .contains("INVALID  1")
                        .contains("Top errors:")
                        .contains("database");
            }
        }

        @Test
        void should_rewrite_the_report_files_of_a_run(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.qcl("run", "--input", input.toString());
                Path out = dir.resolve("again");

                Qcl.Outcome outcome = Qcl.run(
                        "report",
                        "--run",
                        "1",
                        "--out",
                        out.toString(),
                        "--home",
                        tenant.home().toString());

                assertThat(outcome.exitCode()).isZero();
                assertThat(out.resolve("results.csv")).exists();
                assertThat(out.resolve("summary.json")).content().contains("\"runId\" : 1");
                assertThat(outcome.lastLine()).contains("report: " + out);
            }
        }

        @Test
        void should_list_cached_specs_after_a_run_without_asking_the_tenant(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("in.csv"), ONE_ROW);
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.qcl("run", "--input", input.toString());

                Qcl.Outcome outcome =
                        Qcl.run("specs", "list", "--home", tenant.home().toString());
                Qcl.Outcome parentOption =
                        Qcl.run("specs", "--home", tenant.home().toString(), "list");

                assertThat(outcome.exitCode()).isZero();
                assertThat(outcome.out())
                        .contains("postgres")
                        .contains("127.0.0.1_" + tenant.sandbox().port());
                assertThat(parentOption.out()).isEqualTo(outcome.out());
            }
        }

        @Test
        void should_fetch_specs_again_when_refreshing(@TempDir Path dir) {
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome outcome = tenant.qcl("specs", "refresh", "snowflake", "rest");

                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(outcome.out()).contains("snowflake").contains("rest").contains("2 spec(s) fetched");
            }
        }
    }

    @Nested
    class Demo {
        @Test
        void should_load_the_sample_sheet_into_the_sandbox_and_name_the_report(@TempDir Path dir) {
            Qcl.Outcome outcome = Qcl.run("demo", "--home", dir.toString());

            // the sample's 4 invalid rows are on purpose: a run that ends as designed exits 0
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out())
                    .contains("Sandbox tenant listening on http://127.0.0.1:")
                    .contains("4 rows marked 'INVALID on purpose' are there to show failed.csv");
            assertThat(outcome.lastLine())
                    .contains("18 CREATED")
                    .contains("4 INVALID")
                    .contains("report: " + dir);
            assertThat(dir.resolve("reports/run-1/failed.csv"))
                    .content()
                    .contains("# error")
                    .contains("US-East-1");
        }

        @Test
        void should_load_the_same_rows_from_the_sample_workbook_and_write_failed_xlsx(@TempDir Path dir) {
            Qcl.Outcome outcome = Qcl.run("demo", "--workbook", "--home", dir.toString());

            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out()).contains("4 rows marked 'INVALID on purpose' are there to show failed.xlsx");
            assertThat(outcome.lastLine()).contains("18 CREATED").contains("4 INVALID");
            assertThat(dir.resolve("reports/run-1/failed.xlsx")).isRegularFile();
            assertThat(dir.resolve("reports/run-1/failed.csv")).doesNotExist();
        }

        @Test
        void should_keep_its_run_in_its_own_home_when_a_shared_job_repository_is_configured(@TempDir Path dir) {
            // given: a team's PostgreSQL job repository configured for qcl (here one that does not answer)
            String before = System.setProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:9/qcl");
            try {
                // when
                Qcl.Outcome outcome = Qcl.run("demo", "--home", dir.toString());

                // then: the demo ran against the H2 database in its home
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(dir.resolve("db/qcl.mv.db")).exists();
            } finally {
                if (before == null) {
                    System.clearProperty("spring.datasource.url");
                } else {
                    System.setProperty("spring.datasource.url", before);
                }
            }
        }

        @Test
        void should_exit_2_with_one_line_naming_the_folder_when_the_home_cannot_be_written(@TempDir Path dir)
                throws Exception {
            // given: the home would have to be a folder inside a file
            Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "");

            // when
            Qcl.Outcome outcome = Qcl.run("demo", "--home", file.resolve("home").toString());

            // then
            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err())
                    .contains("qcl: ")
                    .contains(file.resolve("home").toString())
                    .contains("--home")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
        }
    }
}

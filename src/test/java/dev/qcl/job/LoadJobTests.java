package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real job, on a real H2 file database (and, in {@link LoadJobOnPostgresTests}, on PostgreSQL),
 * against the sandbox tenant over HTTP.
 */
class LoadJobTests {
    static final String MIXED = """
            qName,dataSourceId,spaceName,tags,region,bucketName,secretKey,host,port,database,# note
            s3-ok,File_AmazonS3ConnectorV2,Finance,a;b,us-east-1,bkt,s3cret-value-1,,,,valid
            s3-bad-region,File_AmazonS3ConnectorV2,Finance,,US-East-1,bkt,,,,,enum case

            pg-ok,postgres,Sales,,,,,db.example.com,5432,sales,valid
            pg-bad-port,postgres,Sales,,,,,db.example.com,54O2,sales,not an integer
            pg-ok,postgres,Sales,,,,,db2.example.com,5432,x,duplicate of row 5
            unknown,snowflak,Sales,,,,,,,,unknown data source
            nospace,postgres,Nowhere,,,,,db.example.com,5432,x,no such space
            "multi,name",postgres,Marketing,,,,,db.example.com,1,"line1
            line2",valid with a comma and a line break
            too,few
            """;

    /** The job repository these tests run on. */
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }

    @Nested
    class Running {
        @Test
        void should_create_each_valid_row_once_and_record_one_result_per_row_when_sheet_mixes_valid_and_invalid_rows(
                @TempDir Path dir) throws IOException {
            // given
            Path input = Files.writeString(dir.resolve("mixed.csv"), MIXED);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                // when
                Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows).extracting(ResultsTable.Row::row).containsExactly(2, 3, 5, 6, 7, 8, 9, 10, 11);
                assertThat(rows)
                        .extracting(ResultsTable.Row::status)
                        .containsExactly(
                                "CREATED", "INVALID", "CREATED", "INVALID", "INVALID", "INVALID", "INVALID", "CREATED",
                                "INVALID");
                assertThat(rows.get(1).message()).contains("region").contains("did you mean 'us-east-1'");
                assertThat(rows.get(3).message()).contains("port").contains("integer");
                assertThat(rows.get(4).message()).contains("duplicate of row 5");
                assertThat(rows.get(5).message()).contains("dataSourceId").contains("snowflake");
                assertThat(rows.get(6).message()).contains("no space named 'Nowhere'");
                assertThat(rows.get(8).message()).contains("2 cells").contains("11");

                List<StoredConnection> stored = tenant.sandbox().connections();
                assertThat(stored)
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("s3-ok", "pg-ok", "multi,name");
                assertThat(tenant.sandbox().createRequests()).isEqualTo(3);
                StoredConnection pg = tenant.sandbox().connectionsNamed("pg-ok").get(0);
                assertThat(pg.properties()).containsEntry("host", "db.example.com");
                assertThat(((Number) pg.properties().get("port")).intValue()).isEqualTo(5432);
                assertThat(pg.spaceId()).isEqualTo(SandboxSeed.SALES_SPACE_ID);
                assertThat(tenant.sandbox()
                                .connectionsNamed("multi,name")
                                .get(0)
                                .properties())
                        .containsEntry("database", "line1\nline2");
                assertThat(tenant.sandbox().connectionsNamed("s3-ok").get(0).tags())
                        .contains("a", "b");
                assertThat(rows.get(0).connectionId())
                        .isEqualTo(tenant.sandbox()
                                .connectionsNamed("s3-ok")
                                .get(0)
                                .id());
                assertThat(outcome.lastLine())
                        .startsWith("Run ")
                        .contains("3 CREATED")
                        .contains("6 INVALID")
                        .contains("report: ");
            }
        }

        @Test
        void should_skip_every_existing_row_and_create_nothing_when_the_same_sheet_runs_again(@TempDir Path dir)
                throws IOException {
            // given
            Path input = Files.writeString(dir.resolve("mixed.csv"), MIXED);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                tenant.qcl("run", "--input", input.toString());
                long creates = tenant.sandbox().createRequests();

                // when
                Qcl.Outcome second = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(tenant.sandbox().createRequests()).isEqualTo(creates);
                long secondRun = tenant.results().stream()
                        .mapToLong(ResultsTable.Row::runId)
                        .max()
                        .orElseThrow();
                assertThat(ResultsTable.ofRun(tenant.database(), secondRun))
                        .filteredOn(r -> !r.status().equals("INVALID"))
                        .extracting(ResultsTable.Row::status)
                        .containsOnly("SKIPPED")
                        .hasSize(3);
                assertThat(second.exitCode()).isEqualTo(1);
            }
        }

        @Test
        void should_exit_0_when_every_row_is_created(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("ok.csv"), """
                    qName,dataSourceId,space,host,database
                    pg-1,postgres,%s,h1,d1
                    pg-2,postgres,,h2,d2
                    """.formatted(SandboxSeed.FINANCE_SPACE_ID));
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(tenant.sandbox().connectionsNamed("pg-2").get(0).spaceId())
                        .isEqualTo(tenant.sandbox().personalSpaceId());
            }
        }
    }

    @Nested
    class Validating {
        @Test
        void should_plan_every_row_and_send_no_writes_when_validating(@TempDir Path dir) throws IOException {
            // given
            Path input = Files.writeString(dir.resolve("mixed.csv"), MIXED);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.SALES_SPACE_ID,
                                "pg-ok",
                                "postgres",
                                Map.of("host", "db.example.com", "database", "sales"));

                // when
                Qcl.Outcome outcome = tenant.qcl("validate", "--input", input.toString());

                // then
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::status)
                        .containsExactly(
                                "CREATE", "INVALID", "SKIP", "INVALID", "INVALID", "INVALID", "INVALID", "CREATE",
                                "INVALID");
                assertThat(outcome.exitCode()).isEqualTo(1);
                assertThat(outcome.out()).contains("Plan: 2 to create").contains("writes/min");
            }
        }
    }

    @Nested
    class ExistingConnections {
        @Test
        void should_fail_rows_that_exist_when_on_existing_is_fail(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("ok.csv"), """
                    qName,dataSourceId,spaceName,host,database
                    pg-1,postgres,Finance,h1,d1
                    pg-2,postgres,Finance,h2,d2
                    """);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                "pg-1",
                                "postgres",
                                Map.of("host", "h1", "database", "d1"));

                Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString(), "--on-existing", "fail");

                assertThat(outcome.exitCode()).isEqualTo(1);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("FAILED", "CREATED");
                assertThat(tenant.sandbox().createRequests()).isEqualTo(1);
            }
        }

        @Test
        void should_patch_only_changed_properties_and_then_skip_as_unchanged_when_on_existing_is_update(
                @TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("ok.csv"), """
                    qName,dataSourceId,spaceName,host,port,database
                    pg-1,postgres,Finance,h1,5433,d1
                    """);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                "pg-1",
                                "postgres",
                                Map.of("host", "h1", "port", 5432, "database", "d1"));

                Qcl.Outcome first = tenant.qcl("run", "--input", input.toString(), "--on-existing", "update");
                long writesAfterFirst = tenant.sandbox().writeRequests();
                Qcl.Outcome second = tenant.qcl("run", "--input", input.toString(), "--on-existing", "update");

                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(writesAfterFirst).isEqualTo(1);
                assertThat(((Number) tenant.sandbox()
                                        .connectionsNamed("pg-1")
                                        .get(0)
                                        .properties()
                                        .get("port"))
                                .intValue())
                        .isEqualTo(5433);
                assertThat(second.exitCode()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(1);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("UPDATED", "changed: port"),
                                org.assertj.core.groups.Tuple.tuple("SKIPPED", "unchanged"));
            }
        }
    }

    @Nested
    class StoppingTheRun {
        @Test
        void should_stop_the_run_with_exit_3_when_the_api_key_is_rejected(@TempDir Path dir) throws IOException {
            Path input = Files.writeString(dir.resolve("ok.csv"), """
                    qName,dataSourceId,spaceName,host,database
                    pg-1,postgres,Finance,h1,d1
                    """);
            try (TestTenant tenant = TestTenant.start(dir, database())) {
                Files.writeString(tenant.keyFile(), "wrong-key");

                Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

                assertThat(outcome.exitCode()).isEqualTo(3);
                assertThat(outcome.err())
                        .contains("401")
                        .doesNotContain("wrong-key")
                        .doesNotContain("\tat ");
                assertThat(outcome.lastLine()).contains("FAILED");
                assertThat(tenant.sandbox().connections()).isEmpty();
            }
        }
    }
}

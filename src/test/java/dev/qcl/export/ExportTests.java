package dev.qcl.export;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.qcl.export.ExportFixtures.FAST_READS;
import static dev.qcl.export.ExportFixtures.header;
import static dev.qcl.export.ExportFixtures.record;
import static dev.qcl.export.ExportFixtures.records;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import dev.qcl.Qcl;
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

/** {@code qcl export}: the tenant's connections as an input CSV (contract section 9). */
class ExportTests {

    @Nested
    class NamedSpaces {
        @Test
        void should_write_the_connections_of_the_spaces_named_by_name_and_by_id_with_the_union_of_their_properties(
                @TempDir Path dir) {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given
                ExportFixtures.seed(tenant, dir);
                Path output = dir.resolve("out/finance-and-sales.csv");

                // when
                Qcl.Outcome export = tenant.qcl(
                        "export",
                        "--space",
                        "Finance",
                        "--space",
                        SandboxSeed.SALES_SPACE_ID,
                        "--output",
                        output.toString());

                // then
                assertThat(export.exitCode()).as(export.err()).isZero();
                assertThat(export.lastLine()).startsWith("Exported 3 connection(s) of 2 space(s) to ");
                assertThat(header(output))
                        .containsExactly(
                                "qName",
                                "dataSourceId",
                                "spaceName",
                                "tags",
                                "host",
                                "port",
                                "database",
                                "username",
                                "password",
                                "SSL",
                                "sslmode",
                                "separateCredentials",
                                "url",
                                "method",
                                "requestBody",
                                "queryParameters",
                                "httpHeaders",
                                "timeout",
                                "allowResponseHeaders",
                                "authSchema",
                                "region",
                                "bucketName",
                                "storeSseHeader",
                                "selectedCredentials",
                                "credentialsName",
                                "accessKey",
                                "secretKey",
                                "# id",
                                "# space id");
                assertThat(records(output))
                        .extracting(r -> r.get("qName"))
                        .containsExactly("pg-finance", "rest-crm", "s3-sales");
                Map<String, String> pg = record(output, "pg-finance");
                assertThat(pg)
                        .containsEntry("dataSourceId", "postgres")
                        .containsEntry("spaceName", "Finance")
                        .containsEntry("tags", "team:finance;nightly")
                        .containsEntry("port", "5433")
                        .containsEntry("SSL", "true")
                        .containsEntry("sslmode", "require")
                        .containsEntry("separateCredentials", "false")
                        .containsEntry("password", "")
                        .containsEntry("url", "")
                        .containsEntry(
                                "# id",
                                tenant.sandbox()
                                        .connectionsNamed("pg-finance")
                                        .get(0)
                                        .id())
                        .containsEntry("# space id", SandboxSeed.FINANCE_SPACE_ID);
                assertThat(record(output, "rest-crm"))
                        .containsEntry("httpHeaders", "[{\"name\":\"Accept\",\"value\":\"application/json\"}]")
                        .containsEntry("timeout", "45")
                        .containsEntry("allowResponseHeaders", "false")
                        .containsEntry("tags", "")
                        .containsEntry("host", "");
                assertThat(record(output, "s3-sales"))
                        .containsEntry("separateCredentials", "true")
                        .containsEntry("accessKey", "AKIASALES")
                        .containsEntry("secretKey", "");
            }
        }

        @Test
        void should_refuse_an_unknown_space_and_a_missing_scope_without_writing_a_file(@TempDir Path dir) {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given
                Path output = dir.resolve("none.csv");

                // when
                Qcl.Outcome unknown = tenant.qcl("export", "--space", "Finanse", "--output", output.toString());
                Qcl.Outcome noScope = tenant.qcl("export", "--output", output.toString());
                Qcl.Outcome both = tenant.qcl("export", "--all", "--space", "Finance", "--output", output.toString());

                // then
                assertThat(unknown.exitCode()).isEqualTo(2);
                assertThat(unknown.err()).contains("no space has the ID or the exact name 'Finanse'");
                assertThat(noScope.exitCode()).isEqualTo(2);
                assertThat(noScope.err()).contains("--space ID|NAME (repeatable) or --all");
                assertThat(both.exitCode()).isEqualTo(2);
                assertThat(output).doesNotExist();
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }
    }

    @Nested
    class EveryConnection {
        @Test
        void should_write_every_space_and_the_personal_one_following_every_listing_page(@TempDir Path dir) {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given: the six seeded connections and 150 more, so the listing has two pages of 100
                ExportFixtures.seed(tenant, dir);
                for (int i = 1; i <= 150; i++) {
                    tenant.sandbox()
                            .addConnection(
                                    SandboxSeed.GRIFFIN_OPS_SPACE_ID,
                                    String.format("ops-%03d", i),
                                    "postgres",
                                    Map.of("host", "ops" + i + ".example.com", "database", "ops"));
                }
                Path output = dir.resolve("all.csv");

                // when
                Qcl.Outcome export = tenant.qcl("export", "--all", "--output", output.toString(), FAST_READS);

                // then
                assertThat(export.exitCode()).as(export.err()).isZero();
                List<Map<String, String>> records = records(output);
                assertThat(records).hasSize(156);
                assertThat(records.get(0))
                        .containsEntry("qName", "sf-warehouse")
                        .containsEntry("spaceName", "")
                        .containsEntry("# space id", "")
                        .containsEntry("tags", "personal")
                        .containsEntry("server", "acme.snowflakecomputing.com")
                        .containsEntry("authenticator", "snowflake");
                assertThat(record(output, "dbx-lake"))
                        .containsEntry("spaceName", "Data Engineering")
                        .containsEntry("queryTimeout", "1.5")
                        .containsEntry("tags", "lake;team:data")
                        .containsEntry("token", "")
                        .containsEntry("port", "443");
                assertThat(record(output, "ops-150"))
                        .containsEntry("spaceName", "Griffin Ops")
                        .containsEntry("host", "ops150.example.com")
                        .containsEntry("port", "5432");
                assertThat(records).extracting(r -> r.get("tags")).noneMatch(t -> t.contains("DcaasAPI:"));
            }
        }
    }

    @Nested
    class Secrets {
        @Test
        void should_write_no_secret_value_with_or_without_placeholders(@TempDir Path dir) throws IOException {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given
                ExportFixtures.seed(tenant, dir);
                Path plain = dir.resolve("plain.csv");
                Path withPlaceholders = dir.resolve("placeholders.csv");

                // when
                Qcl.Outcome first = tenant.qcl("export", "--all", "--output", plain.toString());
                Qcl.Outcome second =
                        tenant.qcl("export", "--all", "--output", withPlaceholders.toString(), "--secret-placeholders");

                // then
                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(second.exitCode()).as(second.err()).isZero();
                Path envExample = dir.resolve("placeholders.csv.env.example");
                String everything = Files.readString(plain)
                        + Files.readString(withPlaceholders)
                        + Files.readString(envExample)
                        + first.out()
                        + first.err()
                        + second.out()
                        + second.err();
                assertThat(ExportFixtures.SEED_SECRETS)
                        .allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
                assertThat(dir.resolve("plain.csv.env.example")).doesNotExist();
            }
        }

        @Test
        void should_reference_predictable_variables_in_text_secrets_and_list_key_files_as_comments(@TempDir Path dir)
                throws IOException {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given
                ExportFixtures.seed(tenant, dir);
                Path output = dir.resolve("placeholders.csv");

                // when
                Qcl.Outcome export =
                        tenant.qcl("export", "--all", "--output", output.toString(), "--secret-placeholders");

                // then
                assertThat(export.exitCode()).as(export.err()).isZero();
                assertThat(record(output, "pg-finance"))
                        .containsEntry("password", "${env:QCL_PG_FINANCE_PASSWORD}")
                        .containsEntry("username", "qlik")
                        .containsEntry("secretKey", "");
                assertThat(record(output, "sf-warehouse"))
                        .containsEntry("password", "${env:QCL_SF_WAREHOUSE_PASSWORD}")
                        .containsEntry("privateKeyPassphrase", "${env:QCL_SF_WAREHOUSE_PRIVATEKEYPASSPHRASE}")
                        .containsEntry("privateKeyFile", "");
                assertThat(record(output, "s3-sales"))
                        .containsEntry("secretKey", "${env:QCL_S3_SALES_SECRETKEY}")
                        .containsEntry("selectedCredentials", "")
                        .containsEntry("separateCredentials", "true");
                List<String> variables =
                        Files.readAllLines(output.resolveSibling("placeholders.csv.env.example")).stream()
                                .filter(line -> !line.startsWith("#"))
                                .toList();
                assertThat(variables)
                        .containsExactlyInAnyOrder(
                                "QCL_SF_WAREHOUSE_PASSWORD=",
                                "QCL_SF_WAREHOUSE_PRIVATEKEYPASSPHRASE=",
                                "QCL_DBX_LAKE_TOKEN=",
                                "QCL_DBX_LAKE_CLIENTSECRET=",
                                "QCL_PG_FINANCE_PASSWORD=",
                                "QCL_BLOB_ARCHIVE_ACCOUNTKEY=",
                                "QCL_REST_CRM_PASSWORD=",
                                "QCL_S3_SALES_SECRETKEY=");
                assertThat(Files.readString(output.resolveSibling("placeholders.csv.env.example")))
                        .contains("# QCL_SF_WAREHOUSE_PRIVATEKEYFILE: privateKeyFile of 'sf-warehouse'")
                        .contains("${file:PATH}");
            }
        }
    }

    @Nested
    class Failures {
        @Test
        void should_leave_out_a_connection_the_tenant_refuses_to_show_and_exit_1(@TempDir Path dir) {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given: the tenant answers 403 for one connection
                ExportFixtures.seed(tenant, dir);
                String refused =
                        tenant.sandbox().connectionsNamed("rest-crm").get(0).id();
                tenant.sandbox()
                        .server()
                        .stubFor(get(urlPathEqualTo("/api/v1/data-connections/" + refused))
                                .atPriority(1)
                                .willReturn(aResponse()
                                        .withStatus(403)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody("{\"errors\":[{\"code\":\"DCERROR-0403\",\"title\":\"Forbidden\","
                                                + "\"detail\":\"No access to the connection\"}]}")));
                Path output = dir.resolve("partial.csv");

                // when
                Qcl.Outcome export = tenant.qcl("export", "--space", "Sales", "--output", output.toString());

                // then
                assertThat(export.exitCode()).isEqualTo(1);
                assertThat(export.out())
                        .contains("connection 'rest-crm' (" + refused + ") could not be read")
                        .contains("No access to the connection");
                assertThat(records(output)).extracting(r -> r.get("qName")).containsExactly("s3-sales");
            }
        }

        @Test
        void should_remove_the_part_files_a_killed_export_left_and_never_write_their_content(@TempDir Path dir)
                throws IOException {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given: what exports to sales.csv that were killed while writing left, in this version's
                // naming and the earlier one's, and a part file of another export
                ExportFixtures.seed(tenant, dir);
                Path output = dir.resolve("sales.csv");
                List<Path> leftovers = List.of(
                        dir.resolve(".sales.csv.4417035921.part"),
                        dir.resolve(".sales.csv88120934.part"),
                        dir.resolve(".sales.csv.env.example.1203.part"));
                for (Path leftover : leftovers) {
                    Files.writeString(leftover, "qName,dataSourceId\nleft-behind,postgres\n");
                }
                Path otherExport = Files.writeString(dir.resolve(".sales.csv.bak.77.part"), "another export's");

                // when
                Qcl.Outcome export = tenant.qcl("export", "--space", "Sales", "--output", output.toString());

                // then
                assertThat(export.exitCode()).as(export.err()).isZero();
                assertThat(leftovers)
                        .allSatisfy(leftover -> assertThat(leftover).doesNotExist());
                assertThat(otherExport).exists();
                assertThat(output).content().doesNotContain("left-behind").contains("s3-sales");
                try (var files = Files.list(dir)) {
                    assertThat(files.map(file -> file.getFileName().toString()))
                            .filteredOn(name -> name.startsWith(".sales.csv"))
                            .containsExactly(".sales.csv.bak.77.part");
                }
            }
        }

        @Test
        void should_warn_once_and_count_the_connections_the_tenant_sends_without_properties(@TempDir Path dir)
                throws IOException {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given: a tenant that answers the parsed read of both connections of Sales without
                // connectionProperties, as one that ignores parseConnection would
                ExportFixtures.seed(tenant, dir);
                for (StoredConnection connection : tenant.sandbox().connections()) {
                    if (connection.spaceId() != null && connection.spaceId().equals(SandboxSeed.SALES_SPACE_ID)) {
                        tenant.sandbox()
                                .server()
                                .stubFor(get(urlPathEqualTo("/api/v1/data-connections/" + connection.id()))
                                        .atPriority(1)
                                        .willReturn(okJson("{\"id\":\"" + connection.id() + "\",\"qName\":\""
                                                + connection.qName() + "\",\"datasourceID\":\""
                                                + connection.dataSourceId() + "\",\"space\":\""
                                                + connection.spaceId() + "\",\"tags\":[]}")));
                    }
                }
                Path output = dir.resolve("bare.csv");

                // when
                Qcl.Outcome export = tenant.qcl("export", "--space", "Sales", "--output", output.toString());

                // then: written, said once, counted on the summary line
                assertThat(export.exitCode()).as(export.err()).isZero();
                assertThat(records(output)).extracting(r -> r.get("qName")).containsExactly("rest-crm", "s3-sales");
                assertThat(record(output, "s3-sales"))
                        .containsEntry("bucketName", "")
                        .containsEntry("region", "");
                assertThat(Files.readAllLines(tenant.home().resolve("logs/qcl.log")))
                        .filteredOn(line -> line.contains("no connectionProperties"))
                        .singleElement(STRING)
                        .contains("the tenant sent no connectionProperties for 2 of 2 connection(s)")
                        .contains("their rows have no property cells");
                assertThat(export.lastLine())
                        .isEqualTo("Exported 2 connection(s) of 1 space(s) to " + output
                                + "; 2 without properties (the tenant sent none)");
            }
        }

        @Test
        void should_stop_with_exit_3_when_the_api_key_is_refused(@TempDir Path dir) throws IOException {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given
                Path wrongKey = Files.writeString(dir.resolve("wrong-key"), "not-the-key");
                Path output = dir.resolve("never.csv");

                // when
                Qcl.Outcome export = Qcl.against(
                        tenant.sandbox().url(),
                        wrongKey,
                        tenant.home(),
                        "export",
                        "--all",
                        "--output",
                        output.toString());

                // then
                assertThat(export.exitCode()).as(export.err()).isEqualTo(3);
                assertThat(output).doesNotExist();
            }
        }
    }
}

package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet of a few hundred rows over six connectors with every invalid kind of contract section 4 mixed
 * in: valid rows are created once with typed properties, invalid ones are never sent, every row has one
 * result with its spreadsheet row number, and a second run creates nothing.
 */
class SixConnectorSheetTests {
    static final List<String> HEADER = List.of(
            "qName",
            "dataSourceId",
            "space",
            "spaceName",
            "tags",
            "region",
            "bucketName",
            "url",
            "method",
            "timeout",
            "allowResponseHeaders",
            "httpHeaders",
            "host",
            "port",
            "database",
            "password",
            "SSL",
            "sslmode",
            "server",
            "privateKeyFile",
            "storageAccount",
            "accountKey",
            "httpPath",
            "queryTimeout",
            "# expect");

    @Test
    void should_create_every_valid_row_once_and_mark_every_invalid_kind_when_running_a_large_mixed_sheet(
            @TempDir Path dir) throws IOException {
        // given
        Files.writeString(dir.resolve("key.p8"), "-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n");
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(row(
                    "s3-" + i,
                    "File_AmazonS3ConnectorV2",
                    "spaceName",
                    "Finance",
                    "region",
                    "eu-west-1",
                    "bucketName",
                    "bucket-" + i,
                    "tags",
                    "migrated;s3"));
            rows.add(row(
                    "rest-" + i,
                    "rest",
                    "space",
                    SandboxSeed.SALES_SPACE_ID,
                    "url",
                    "https://api.example.com/" + i,
                    "method",
                    "GET",
                    "timeout",
                    "30",
                    "allowResponseHeaders",
                    "yes",
                    "httpHeaders",
                    "[{\"name\": \"Accept\", \"value\": \"application/json\"}]"));
            rows.add(row(
                    "pg-" + i,
                    "postgres",
                    "spaceName",
                    "Data Engineering",
                    "host",
                    "pg" + i + ".example.com",
                    "port",
                    "5432",
                    "database",
                    "db" + i,
                    "password",
                    "pw-" + i,
                    "SSL",
                    "TRUE",
                    "sslmode",
                    "require"));
            rows.add(row(
                    "sf-" + i,
                    "snowflake",
                    "spaceName",
                    "Marketing",
                    "server",
                    "acme.snowflakecomputing.com",
                    "privateKeyFile",
                    "${file:key.p8}"));
            rows.add(row(
                    "az-" + i,
                    "File_AzureStorageConnector",
                    "space",
                    SandboxSeed.GRIFFIN_OPS_SPACE_ID,
                    "storageAccount",
                    "acct" + i,
                    "accountKey",
                    "k" + i));
            rows.add(row(
                    "dbx-" + i,
                    "databricks",
                    "host",
                    "adb-" + i + ".azuredatabricks.net",
                    "httpPath",
                    "/sql/1.0/warehouses/" + i,
                    "queryTimeout",
                    "90.5"));
            if (i % 4 == 0) {
                addInvalidKinds(rows, i);
            }
        }
        Path input = dir.resolve("large.csv");
        Files.writeString(input, csv(rows));
        List<Integer> invalidRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).getOrDefault("# expect", "").startsWith("INVALID")) {
                invalidRows.add(r + 2);
            }
        }

        try (TestTenant tenant = TestTenant.start(dir)) {
            tenant.sandbox().addSpace("Twins", "shared");
            tenant.sandbox().addSpace("Twins", "managed");

            // when: validate first, then run, then run again
            Qcl.Outcome validate = tenant.qcl("validate", "--input", input.toString());
            long writesAfterValidate = tenant.sandbox().writeRequests();
            Qcl.Outcome run =
                    tenant.qcl("run", "--input", input.toString(), "--rate-limit", "100000", "--concurrency", "8");
            long createsAfterRun = tenant.sandbox().createRequests();
            Qcl.Outcome again = tenant.qcl("run", "--input", input.toString(), "--rate-limit", "100000");

            // then
            assertThat(writesAfterValidate).isZero();
            assertThat(validate.exitCode()).isEqualTo(1);
            assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
            List<ResultsTable.Row> results = ResultsTable.ofRun(tenant.home(), 2);
            assertThat(results)
                    .extracting(ResultsTable.Row::row)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, rows.size() + 1)
                            .boxed()
                            .toList());
            assertThat(results)
                    .filteredOn(r -> r.status().equals("INVALID"))
                    .extracting(ResultsTable.Row::row)
                    .containsExactlyElementsOf(invalidRows);
            assertThat(results)
                    .filteredOn(r -> !r.status().equals("INVALID"))
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("CREATED");
            long valid = rows.size() - invalidRows.size();
            assertThat(tenant.sandbox().connections()).hasSize((int) valid);
            assertThat(createsAfterRun).isEqualTo(valid);
            Map<String, Long> perName = tenant.sandbox().connections().stream()
                    .collect(Collectors.groupingBy(c -> c.qName() + "@" + c.spaceId(), Collectors.counting()));
            assertThat(perName.values()).containsOnly(1L);
            for (Map<String, String> row : rows) {
                if (row.getOrDefault("# expect", "").startsWith("INVALID")
                        && !row.get("qName").startsWith("pg-")
                        && !row.get("qName").startsWith("s3-")) {
                    assertThat(tenant.sandbox().connectionsNamed(row.get("qName")))
                            .as(row.get("qName"))
                            .isEmpty();
                }
            }
            StoredConnection pg = tenant.sandbox().connectionsNamed("pg-7").get(0);
            assertThat(pg.properties().get("port")).isInstanceOf(Number.class);
            assertThat(pg.properties().get("SSL")).isEqualTo(Boolean.TRUE);
            assertThat(tenant.sandbox()
                            .connectionsNamed("rest-3")
                            .get(0)
                            .properties()
                            .get("httpHeaders"))
                    .isInstanceOf(List.class);
            assertThat(tenant.sandbox()
                            .connectionsNamed("dbx-3")
                            .get(0)
                            .properties()
                            .get("queryTimeout"))
                    .isInstanceOf(Number.class);
            assertThat(tenant.sandbox()
                            .connectionsNamed("sf-3")
                            .get(0)
                            .properties()
                            .get("privateKeyFile")
                            .toString())
                    .contains("key.p8");
            Path summary = tenant.home().resolve("reports/run-2/summary.json");
            assertThat(summary)
                    .content()
                    .contains("\"rows\" : " + rows.size())
                    .contains("\"CREATED\" : " + valid)
                    .contains("\"INVALID\" : " + invalidRows.size());

            assertThat(tenant.sandbox().createRequests()).isEqualTo(createsAfterRun);
            assertThat(ResultsTable.ofRun(tenant.home(), 3))
                    .filteredOn(r -> !r.status().equals("INVALID"))
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("SKIPPED");
            assertThat(again.exitCode()).isEqualTo(1);
        }
    }

    /** One row of each invalid kind, named after row {@code i}. */
    private static void addInvalidKinds(List<Map<String, String>> rows, int i) {
        String n = "bad" + i + "-";
        rows.add(invalid(n + "unknown-ds", "snowflak", "server", "x"));
        rows.add(invalid(n + "other-connector-prop", "postgres", "host", "h", "database", "d", "bucketName", "b"));
        rows.add(invalid(n + "bad-integer", "postgres", "host", "h", "database", "d", "port", "54O2"));
        rows.add(invalid(n + "bad-boolean", "postgres", "host", "h", "database", "d", "SSL", "maybe"));
        rows.add(invalid(n + "bad-number", "databricks", "host", "h", "httpPath", "/p", "queryTimeout", "1,5"));
        rows.add(invalid(n + "bad-array-json", "rest", "url", "https://x", "httpHeaders", "[{broken"));
        rows.add(invalid(n + "enum-near-miss", "File_AmazonS3ConnectorV2", "region", "EU-West-1", "bucketName", "b"));
        rows.add(invalid(n + "required-missing", "postgres", "host", "h"));
        rows.add(invalid(n + "no-such-space", "postgres", "host", "h", "database", "d", "spaceName", "Nowhere"));
        rows.add(invalid(n + "ambiguous-space", "postgres", "host", "h", "database", "d", "spaceName", "Twins"));
        rows.add(invalid(
                n + "unknown-space-id", "postgres", "host", "h", "database", "d", "space", "0123456789abcdef01234567"));
        rows.add(invalid(
                n + "space-disagrees",
                "postgres",
                "host",
                "h",
                "database",
                "d",
                "space",
                SandboxSeed.SALES_SPACE_ID,
                "spaceName",
                "Finance"));
        rows.add(invalid(
                n + "missing-env",
                "postgres",
                "host",
                "h",
                "database",
                "d",
                "password",
                "${env:QCL_NOT_SET_" + i + "}"));
        rows.add(invalid(n + "missing-file", "snowflake", "server", "s", "privateKeyFile", "${file:nope.p8}"));
        rows.add(invalid("", "postgres", "host", "h", "database", "d"));
        rows.add(invalid("pg-" + i, "postgres", "spaceName", "Data Engineering", "host", "h", "database", "d"));
        rows.add(invalid(
                n + "too-many-tags",
                "postgres",
                "host",
                "h",
                "database",
                "d",
                "tags",
                String.join(
                        ";",
                        java.util.stream.IntStream.range(0, 32)
                                .mapToObj(t -> "t" + t)
                                .toList())));
    }

    private static Map<String, String> row(String qName, String dataSourceId, String... pairs) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("qName", qName);
        row.put("dataSourceId", dataSourceId);
        for (int p = 0; p < pairs.length; p += 2) {
            row.put(pairs[p], pairs[p + 1]);
        }
        return row;
    }

    private static Map<String, String> invalid(String qName, String dataSourceId, String... pairs) {
        Map<String, String> row = row(qName, dataSourceId, pairs);
        row.put("# expect", "INVALID");
        return row;
    }

    private static String csv(List<Map<String, String>> rows) {
        StringBuilder text = new StringBuilder(String.join(",", HEADER)).append("\r\n");
        for (Map<String, String> row : rows) {
            text.append(HEADER.stream()
                            .map(c -> quoted(row.getOrDefault(c, "")))
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return text.toString();
    }

    private static String quoted(String cell) {
        return cell.contains(",") || cell.contains("\"") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }
}

package dev.qcl.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A source tenant with connections of six connectors in five spaces, made by a qcl run, and ways to read an export. */
final class ExportFixtures {
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Reads unpaced, so that many-connection tests take no quota time. */
    static final String FAST_READS = "--qcl.write.read-rate-limit=60000";

    static final List<String> SEED_HEADER = List.of(
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
            "region",
            "bucketName",
            "accessKey",
            "secretKey",
            "url",
            "method",
            "httpHeaders",
            "timeout",
            "authSchema",
            "storageAccount",
            "accountKey",
            "container",
            "server",
            "warehouse",
            "httpPath",
            "token",
            "queryTimeout",
            "separateCredentials");

    /** Every secret value the seed sheet holds: none may appear in an export. */
    static final List<String> SEED_SECRETS = List.of(
            "pg-pass-Hq71", "s3-secret-Lp09", "rest-pass-Vb33", "blob-key-Ty58", "sf-pass-Nw24", "dbx-token-Jk66");

    private ExportFixtures() {}

    /** Seeds the source tenant through qcl itself, so that tags and secrets are set the way users set them. */
    static void seed(TestTenant tenant, Path dir) {
        Sheets sheet = Sheets.with(SEED_HEADER);
        seedRow(
                sheet,
                "qName=pg-finance",
                "dataSourceId=postgres",
                "spaceName=Finance",
                "tags=team:finance;nightly",
                "host=pg.example.com",
                "port=5433",
                "database=ledger",
                "username=qlik",
                "password=pg-pass-Hq71",
                "SSL=true",
                "sslmode=require");
        seedRow(
                sheet,
                "qName=s3-sales",
                "dataSourceId=File_AmazonS3ConnectorV2",
                "spaceName=Sales",
                "tags=team:sales",
                "region=eu-west-1",
                "bucketName=sales-drop",
                "accessKey=AKIASALES",
                "secretKey=s3-secret-Lp09",
                "separateCredentials=true");
        seedRow(
                sheet,
                "qName=rest-crm",
                "dataSourceId=rest",
                "spaceName=Sales",
                "username=crm-bot",
                "password=rest-pass-Vb33",
                "url=https://crm.example.com/api",
                "method=POST",
                "httpHeaders=[{\"name\":\"Accept\",\"value\":\"application/json\"}]",
                "timeout=45",
                "authSchema=basic");
        seedRow(
                sheet,
                "qName=blob-archive",
                "dataSourceId=File_AzureStorageConnector",
                "spaceName=Marketing",
                "tags=archive",
                "storageAccount=acmeblob",
                "accountKey=blob-key-Ty58",
                "container=exports");
        seedRow(
                sheet,
                "qName=sf-warehouse",
                "dataSourceId=snowflake",
                "tags=personal",
                "port=443",
                "database=DW",
                "username=analyst",
                "password=sf-pass-Nw24",
                "server=acme.snowflakecomputing.com",
                "warehouse=WH_XS");
        seedRow(
                sheet,
                "qName=dbx-lake",
                "dataSourceId=databricks",
                "spaceName=Data Engineering",
                "tags=lake;team:data",
                "host=dbx.example.com",
                "httpPath=/sql/1.0/warehouses/abc",
                "token=dbx-token-Jk66",
                "queryTimeout=1.5");
        Path input = sheet.write(dir.resolve("seed.csv"));
        Qcl.Outcome seeded = tenant.qclUnpaced("run", "--input", input.toString());
        assertThat(seeded.exitCode()).as(seeded.err()).isZero();
    }

    /** A row of the seed sheet from {@code column=value} pairs; the other cells stay empty. */
    private static void seedRow(Sheets sheet, String... pairs) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (String pair : pairs) {
            int at = pair.indexOf('=');
            assertThat(SEED_HEADER).contains(pair.substring(0, at));
            cells.put(pair.substring(0, at), pair.substring(at + 1));
        }
        sheet.row(SEED_HEADER.stream()
                .map(column -> cells.getOrDefault(column, ""))
                .toArray(String[]::new));
    }

    static TestTenant startIn(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestTenant.start(dir);
    }

    /** The export's records as maps from column to cell, in file order; the header is {@code header(file)}. */
    static List<Map<String, String>> records(Path file) {
        List<String[]> all = readAll(file);
        List<Map<String, String>> records = new ArrayList<>();
        String[] header = all.get(0);
        for (String[] cells : all.subList(1, all.size())) {
            Map<String, String> record = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                record.put(header[i], cells[i]);
            }
            records.add(record);
        }
        return records;
    }

    static List<String> header(Path file) {
        return List.of(readAll(file).get(0));
    }

    static Map<String, String> record(Path file, String qName) {
        return records(file).stream()
                .filter(r -> r.get("qName").equals(qName))
                .findFirst()
                .orElseThrow();
    }

    private static List<String[]> readAll(Path file) {
        try (Reader reader = Files.newBufferedReader(file);
                CSVReader csv = new CSVReader(reader)) {
            return csv.readAll();
        } catch (IOException | CsvException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the tenant's API shows of a connection with {@code parseConnection=true} (no secrets). */
    static JsonNode parsed(TestTenant tenant, String connectionId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(tenant.sandbox()
                                    .url() + "/api/v1/data-connections/" + connectionId + "?parseConnection=true"))
                    .header("Authorization", "Bearer " + tenant.sandbox().apiKey())
                    .build();
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

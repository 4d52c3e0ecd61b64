package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract section 5.5, issue 8 item 3: a read that the tenant refuses or garbles for one space or
 * connector fails only the rows that need it; the run completes.
 */
class RefusedReadsTests {
    static final String SHEET = """
            qName,dataSourceId,spaceName,bucketName,region,host,port,database,server
            s3-finance,File_AmazonS3ConnectorV2,Finance,bkt,us-east-1,,,,
            pg-marketing,postgres,Marketing,,,db.example.com,5432,m,
            sf-sales,snowflake,Sales,,,,,,acme.snowflakecomputing.com
            s3-sales,File_AmazonS3ConnectorV2,Sales,bkt,us-east-1,,,,
            pg-griffin,postgres,Griffin Ops,,,db.example.com,5432,g,
            pg-finance,postgres,Finance,,,db.example.com,5432,f,
            """;

    @Test
    void should_fail_only_the_rows_whose_listing_spec_or_space_the_tenant_refuses_or_garbles(@TempDir Path dir)
            throws IOException {
        // given: a tenant that refuses Marketing's listing, garbles snowflake's spec, lists odd items in
        // Sales and answers 503 to every search for "Griffin Ops"
        Path input = Files.writeString(dir.resolve("reads.csv"), SHEET);
        try (TestTenant tenant = TestTenant.start(dir)) {
            WireMockServer server = tenant.sandbox().server();
            server.stubFor(
                    get(urlPathEqualTo("/api/v1/data-connections"))
                            .withQueryParam("spaceId", equalTo(SandboxSeed.MARKETING_SPACE_ID))
                            .atPriority(1)
                            .willReturn(
                                    aResponse()
                                            .withStatus(403)
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(
                                                    "{\"errors\":[{\"code\":\"SPC-403\",\"title\":\"Forbidden\",\"detail\":\"no access to the space\"}]}")));
            server.stubFor(get(urlPathEqualTo("/api/v1/data-sources/snowflake/api-specs"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(200).withBody("{\"connectionProperties\": {oops")));
            server.stubFor(
                    get(urlPathEqualTo("/api/v1/data-connections"))
                            .withQueryParam("spaceId", equalTo(SandboxSeed.SALES_SPACE_ID))
                            .atPriority(1)
                            .willReturn(
                                    aResponse()
                                            .withStatus(200)
                                            .withHeader("Content-Type", "application/json")
                                            .withBody(
                                                    "{\"data\":[{\"id\":\"odd-1\"},null,{\"qID\":\"odd-2\",\"qName\":null,\"tags\":[]}],\"links\":{}}")));
            server.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                    .withQueryParam("name", equalTo("Griffin Ops"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(503)));

            // when
            Qcl.Outcome outcome = tenant.qclUnpaced(
                    "run",
                    "--input",
                    input.toString(),
                    "--qcl.write.initial-backoff=1ms",
                    "--qcl.write.max-backoff=2ms");

            // then: the run completed with exit 1
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
            assertThat(tenant.home().resolve("reports/run-1/summary.json"))
                    .content()
                    .contains("\"COMPLETED\"");
            List<ResultsTable.Row> rows = tenant.results();
            assertThat(rows)
                    .extracting(ResultsTable.Row::qName)
                    .containsExactly("s3-finance", "pg-marketing", "sf-sales", "s3-sales", "pg-griffin", "pg-finance");
            assertThat(rows)
                    .extracting(ResultsTable.Row::status)
                    .containsExactly("CREATED", "FAILED", "INVALID", "CREATED", "FAILED", "CREATED");
            // the refused listing: its status and the tenant's words
            assertThat(rows.get(1).http()).isEqualTo(403);
            assertThat(rows.get(1).message())
                    .contains("listing of data connections")
                    .contains("HTTP 403")
                    .contains("Forbidden - no access to the space");
            // the garbled spec: the connector cannot be used, the sheet may be right
            assertThat(rows.get(2).message())
                    .contains("column 'dataSourceId'")
                    .contains("api-specs of data source snowflake are not valid JSON");
            // the space search that stayed unavailable past the retries: its last status
            assertThat(rows.get(4).http()).isEqualTo(503);
            assertThat(rows.get(4).attempts()).isEqualTo(6);
            assertThat(rows.get(4).message()).contains("search for spaces named 'Griffin Ops'");
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .containsExactlyInAnyOrder("s3-finance", "s3-sales", "pg-finance");
            assertThat(outcome.lastLine())
                    .contains("3 CREATED")
                    .contains("2 FAILED")
                    .contains("1 INVALID");
        }
    }
}

package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 22 item 6: Qlik upgrades a connector, its api-specs gain a required property and lose another,
 * and the data sources' {@code lastUpdated} does not move. The cached spec is checked against the
 * tenant's version, so the rows are validated against the new spec instead of being refused by the tenant.
 */
class ChangedConnectorTests {
    private static final String POSTGRES_SPECS = "/api/v1/data-sources/postgres/api-specs";

    /** The sandbox's postgres api-specs as version 8.12.0: {@code sslmode} required, {@code SSL} gone. */
    static String upgradedPostgres() throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        try (InputStream in =
                ChangedConnectorTests.class.getResourceAsStream("/dev/qcl/sandbox/api-specs/postgres.json")) {
            ObjectNode spec = (ObjectNode) json.readTree(in);
            spec.put("connectorVersion", "8.12.0");
            ObjectNode properties =
                    (ObjectNode) spec.path("connectionProperties").path("properties");
            properties.remove("SSL");
            ((ArrayNode) spec.path("connectionProperties").path("required")).add("sslmode");
            return json.writeValueAsString(spec);
        }
    }

    @Test
    void should_validate_against_the_new_spec_and_say_so_when_the_connector_version_moved(@TempDir Path dir)
            throws IOException {
        // given: a sheet validated once, so its connector's api-specs are cached
        Path input = Files.writeString(dir.resolve("pg.csv"), """
                qName,dataSourceId,spaceName,host,database,SSL,sslmode
                pg-with-ssl,postgres,Finance,h1,d1,true,require
                pg-without-mode,postgres,Finance,h2,d2,,
                pg-with-mode,postgres,Finance,h3,d3,,verify-full
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome before = tenant.qcl("validate", "--input", input.toString());
            assertThat(before.exitCode()).as(before.err()).isZero();
            // the tenant upgrades the connector; its data sources' lastUpdated stays as it was
            tenant.sandbox()
                    .server()
                    .stubFor(get(urlPathEqualTo(POSTGRES_SPECS)).atPriority(1).willReturn(okJson(upgradedPostgres())));

            // when
            Qcl.Outcome after = tenant.qcl("validate", "--input", input.toString());

            // then: the rows met the new spec, and the refresh was said once
            assertThat(after.exitCode()).as(after.err()).isEqualTo(1);
            List<ResultsTable.Row> rows =
                    tenant.results().stream().filter(row -> row.runId() == 2).toList();
            assertThat(rows).extracting(ResultsTable.Row::status).containsExactly("INVALID", "INVALID", "CREATE");
            assertThat(rows.get(0).message()).contains("column 'SSL' is not a property of postgres");
            assertThat(rows.get(1).message()).contains("sslmode");
            assertThat(Files.readAllLines(tenant.home().resolve("logs/qcl.log")))
                    .filteredOn(line -> line.contains("refreshed"))
                    .singleElement()
                    .satisfies(line ->
                            assertThat(line).endsWith("api-specs of postgres refreshed: connector 8.11.0 -> 8.12.0"));
            tenant.sandbox().server().verify(2, getRequestedFor(urlPathEqualTo(POSTGRES_SPECS)));
            assertThat(tenant.home().resolve("specs")).isDirectory();
        }
    }
}

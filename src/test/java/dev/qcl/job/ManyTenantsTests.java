package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --tenants}: one run over several tenants, one partition each (contract section 12). */
class ManyTenantsTests {
    static final List<String> HEADER =
            List.of("tenant", "qName", "dataSourceId", "spaceName", "host", "port", "database");

    @TempDir
    Path dir;

    private SandboxTenant east;
    private SandboxTenant west;
    private Path home;

    @BeforeEach
    void start_two_tenants() {
        east = SandboxTenant.start(SandboxSettings.defaults());
        west = SandboxTenant.start(SandboxSettings.defaults());
        home = dir.resolve("home");
    }

    @AfterEach
    void stop_them() {
        Stream.of(east, west).forEach(SandboxTenant::close);
    }

    private Path tenantsFile() {
        return tenantsFile(
                "tenant,url,apiKey",
                "east," + east.url() + ",${file:east.key}",
                "west," + west.url() + ",${file:west.key}");
    }

    private Path tenantsFile(String... lines) {
        try {
            for (SandboxTenant tenant : List.of(east, west)) {
                Path key = dir.resolve((tenant == east ? "east" : "west") + ".key");
                Files.writeString(key, tenant.apiKey());
                Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.writeString(dir.resolve("tenants.csv"), String.join("\n", lines) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} rows of each tenant, alternating, named {@code <tenant>-<n>}. */
    private static Sheets sheet(int count, String... tenants) {
        Sheets sheet = Sheets.with(HEADER);
        for (int i = 1; i <= count; i++) {
            for (String tenant : tenants) {
                sheet.row(tenant, tenant + "-" + i, "postgres", "Finance", "db" + i + ".example.com", "5432", "sales");
            }
        }
        return sheet;
    }

    private Qcl.Outcome qcl(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--rate-limit", "60000"));
        return Qcl.run(all.toArray(String[]::new));
    }

    private List<ResultsTable.Row> results() {
        return ResultsTable.read(home);
    }

    private JsonNode summary(Qcl.Outcome outcome) throws IOException {
        Path folder = Files.list(home.resolve("reports")).findFirst().orElseThrow();
        return JsonMapper.builder()
                .build()
                .readTree(folder.resolve("summary.json").toFile());
    }

    @Test
    void should_create_each_tenants_rows_in_that_tenant_alone() throws IOException {
        // given: 3 rows of each tenant, and the same names in both (duplicates are judged per tenant)
        Path input = sheet(3, "east", "west").write(dir.resolve("sheet.csv"));

        // when
        Qcl.Outcome run = qcl(
                "run", "--input", input.toString(), "--tenants", tenantsFile().toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(east.connections())
                .extracting(StoredConnection::qName)
                .containsExactlyInAnyOrder("east-1", "east-2", "east-3");
        assertThat(west.connections())
                .extracting(StoredConnection::qName)
                .containsExactlyInAnyOrder("west-1", "west-2", "west-3");
        assertThat(results()).hasSize(6).extracting(ResultsTable.Row::status).containsOnly("CREATED");
        JsonNode summary = summary(run);
        assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("tenants").get("east").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("tenants")
                        .get("west")
                        .get("counts")
                        .get("CREATED")
                        .asLong())
                .isEqualTo(3);
        Path folder = Files.list(home.resolve("reports")).findFirst().orElseThrow();
        List<String> lines = Files.readAllLines(folder.resolve("results.csv"));
        assertThat(lines.get(0)).startsWith("row,tenant,qName,");
        assertThat(lines.get(1)).startsWith("2,east,east-1,");
        assertThat(lines.get(2)).startsWith("3,west,west-1,");
        assertThat(Files.readString(folder.resolve("report.html")))
                .contains("<table class=\"tenants\">")
                .contains("<td class=\"name\">east</td><td>COMPLETED</td>");
        Qcl.Outcome status = Qcl.run("status", "--run", "1", "--home", home.toString());
        assertThat(status.out()).contains("Tenants:").containsPattern("east +COMPLETED +3 CREATED");
        assertThat(run.out()).contains("Tenants:").containsPattern("west +COMPLETED +3 CREATED");
    }

    @Test
    void should_judge_duplicates_per_tenant_and_refuse_rows_of_no_tenant() {
        // given: the same qName and space in both tenants, twice in east, and rows of no tenant of the file
        Path input = Sheets.with(HEADER)
                .row("east", "same", "postgres", "Finance", "db.example.com", "5432", "sales")
                .row("west", "same", "postgres", "Finance", "db.example.com", "5432", "sales")
                .row("east", "same", "postgres", "Finance", "db.example.com", "5432", "sales")
                .row("north", "other", "postgres", "Finance", "db.example.com", "5432", "sales")
                .row("", "blank", "postgres", "Finance", "db.example.com", "5432", "sales")
                .write(dir.resolve("sheet.csv"));

        // when
        Qcl.Outcome run = qcl(
                "run", "--input", input.toString(), "--tenants", tenantsFile().toString());

        // then
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(results())
                .extracting(ResultsTable.Row::row, ResultsTable.Row::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "CREATED"),
                        org.assertj.core.groups.Tuple.tuple(3, "CREATED"),
                        org.assertj.core.groups.Tuple.tuple(4, "INVALID"),
                        org.assertj.core.groups.Tuple.tuple(5, "INVALID"),
                        org.assertj.core.groups.Tuple.tuple(6, "INVALID"));
        assertThat(results().get(2).message()).contains("duplicate of row 2");
        assertThat(results().get(3).message()).contains("tenant 'north' is not in tenants.csv");
        assertThat(results().get(4).message()).contains("column 'tenant' is empty");
        assertThat(east.connections()).hasSize(1);
        assertThat(west.connections()).hasSize(1);
    }

    @Test
    void should_end_only_the_part_of_a_refusing_tenant_and_restart_only_that_part() throws IOException {
        // given: west refuses every request as a bad key would
        Path input = sheet(4, "east", "west").write(dir.resolve("sheet.csv"));
        StubMapping refusal = west.server()
                .stubFor(any(anyUrl())
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(401).withBody("{\"errors\":[{\"title\":\"bad key\"}]}")));

        // when
        Qcl.Outcome first = qcl(
                "run", "--input", input.toString(), "--tenants", tenantsFile().toString());

        // then: east completed, west ended, the run FAILED and says which tenant
        assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
        assertThat(first.err() + first.out()).contains("tenant west");
        assertThat(east.connections()).hasSize(4);
        assertThat(west.connections()).isEmpty();
        JsonNode summary = summary(first);
        assertThat(summary.get("status").asString()).isEqualTo("FAILED");
        assertThat(summary.get("tenants").get("east").get("status").asString()).isEqualTo("COMPLETED");
        assertThat(summary.get("tenants").get("west").get("status").asString()).isEqualTo("FAILED");
        long eastCreates = east.createRequests();

        // when: west takes the key again, and the run is restarted
        west.server().removeStub(refusal);
        Qcl.Outcome restart = qcl("restart");

        // then: only west's part ran; every row once
        assertThat(restart.exitCode()).as(restart.err()).isZero();
        assertThat(east.createRequests()).isEqualTo(eastCreates);
        assertThat(west.connections()).hasSize(4);
        assertThat(results()).hasSize(8).extracting(ResultsTable.Row::status).containsOnly("CREATED");
    }

    @Test
    void should_refuse_a_tenants_file_that_holds_a_plain_key() {
        // given
        Path input = sheet(1, "east").write(dir.resolve("sheet.csv"));
        Path tenants = tenantsFile("tenant,url,apiKey", "east," + east.url() + ",plain-secret-key-value");

        // when
        Qcl.Outcome run = qcl("run", "--input", input.toString(), "--tenants", tenants.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err())
                .contains("row 2, column apiKey: holds a plain value")
                .doesNotContain("plain-secret");
        assertThat(east.writeRequests()).isZero();
    }

    @Test
    void should_refuse_a_tenant_column_without_tenants() {
        // given
        Path input = sheet(1, "east").write(dir.resolve("sheet.csv"));

        // when
        Qcl.Outcome run = Qcl.against(east.url(), keyOf(east), home, "run", "--input", input.toString());

        // then
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the column 'tenant' names tenants, but no --tenants FILE");
        assertThat(east.writeRequests()).isZero();
    }

    private Path keyOf(SandboxTenant tenant) {
        try {
            return Files.writeString(dir.resolve("own.key"), tenant.apiKey());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void should_export_every_tenant_into_one_sheet_that_runs_back_without_a_write() throws IOException {
        // given: connections made in both tenants
        Path input = sheet(2, "east", "west").write(dir.resolve("sheet.csv"));
        Path tenants = tenantsFile();
        assertThat(qcl("run", "--input", input.toString(), "--tenants", tenants.toString())
                        .exitCode())
                .isZero();
        Path exported = dir.resolve("export.csv");

        // when
        Qcl.Outcome export = Qcl.run(
                "export",
                "--all",
                "--tenants",
                tenants.toString(),
                "--output",
                exported.toString(),
                "--home",
                home.toString());
        long writesBefore = east.writeRequests() + west.writeRequests();
        Qcl.Outcome back =
                qcl("run", "--input", exported.toString(), "--tenants", tenants.toString(), "--on-existing", "update");

        // then
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines.get(0)).startsWith("tenant,qName,dataSourceId,spaceName");
        // every row of both tenants, once: tenant and qName are the first two cells
        assertThat(lines.subList(1, lines.size()))
                .extracting(l -> l.substring(0, l.indexOf(',', l.indexOf(',') + 1)))
                .containsExactlyInAnyOrder("east,east-1", "east,east-2", "west,west-1", "west,west-2");
        assertThat(back.exitCode()).as(back.err()).isZero();
        assertThat(east.writeRequests() + west.writeRequests()).isEqualTo(writesBefore);
    }

    @Test
    void should_prune_each_tenant_on_its_own_and_plan_across_tenants() throws IOException {
        // given: an owned set of 2 connections in each tenant, then a sheet that names one of each
        Path tenants = tenantsFile();
        Path both = sheet(2, "east", "west").write(dir.resolve("both.csv"));
        assertThat(qcl("run", "--input", both.toString(), "--tenants", tenants.toString(), "--own", "nightly")
                        .exitCode())
                .isZero();
        Path fewer = sheet(1, "east", "west").write(dir.resolve("fewer.csv"));

        // when: a diff first, then the run with --prune
        Qcl.Outcome diff = qcl(
                "diff", "--input", fewer.toString(), "--tenants", tenants.toString(), "--own", "nightly", "--prune");
        Qcl.Outcome pruned = qcl(
                "run",
                "--input",
                fewer.toString(),
                "--tenants",
                tenants.toString(),
                "--own",
                "nightly",
                "--prune",
                "--max-deletes",
                "1");

        // then: one deletion planned and made per tenant (--max-deletes counts per tenant)
        assertThat(diff.exitCode()).as(diff.err()).isEqualTo(4);
        assertThat(pruned.exitCode()).as(pruned.err()).isZero();
        assertThat(east.connections()).extracting(StoredConnection::qName).containsExactly("east-1");
        assertThat(west.connections()).extracting(StoredConnection::qName).containsExactly("west-1");
    }

    @Test
    void should_rerun_only_the_failed_rows_each_in_its_own_tenant() {
        // given: west refuses the create of west-2 for good (400), every other row is created
        Path input = sheet(3, "east", "west").write(dir.resolve("sheet.csv"));
        Path tenants = tenantsFile();
        StubMapping refusal = west.server()
                .stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                        "/api/v1/data-connections"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                                "$.qName", com.github.tomakehurst.wiremock.client.WireMock.equalTo("west-2")))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"errors\":[{\"title\":\"Bad request\"}]}")));
        Qcl.Outcome first = qcl("run", "--input", input.toString(), "--tenants", tenants.toString());
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1);
        west.server().removeStub(refusal);
        long eastCreates = east.createRequests();

        // when
        Qcl.Outcome rerun = qcl("rerun-failed");

        // then: the one failed row, created in west; nothing sent to east
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(west.connections()).hasSize(3);
        assertThat(east.createRequests()).isEqualTo(eastCreates);
        assertThat(ResultsTable.ofRun(home, 2))
                .singleElement()
                .satisfies(row -> assertThat(row.qName()).isEqualTo("west-2"))
                .satisfies(row -> assertThat(row.status()).isEqualTo("CREATED"));
    }
}

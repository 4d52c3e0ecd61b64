package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code --on-existing update}: one PATCH per changed connection, with only what changed. */
class UpdateModeTests {
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** The JSON-patch lists the tenant received, in the order received. */
    static List<JsonNode> patchBodies(TestTenant tenant) {
        List<LoggedRequest> patches =
                tenant.sandbox().server().findAll(patchRequestedFor(urlPathMatching("/api/v1/data-connections/.+")));
        return patches.stream().map(p -> JSON.readTree(p.getBodyAsString())).toList();
    }

    static List<String> paths(JsonNode patch) {
        return patch.valueStream().map(op -> op.get("path").asString()).toList();
    }

    @Nested
    class PlainProperties {
        @OnEachDatabase
        void should_patch_only_the_changed_property_and_then_skip_every_row_as_unchanged(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: 40 connections on port 5432, a sheet that moves them to 5433
            Sheets sheet = Sheets.with(RerunFailedTests.HEADER);
            for (int i = 1; i <= 40; i++) {
                sheet.row("pg-" + i, "postgres", "Finance", "db" + i + ".example.com", "5433", "sales");
            }
            Path input = sheet.write(dir.resolve("moved.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                for (int i = 1; i <= 40; i++) {
                    tenant.sandbox()
                            .addConnection(
                                    SandboxSeed.FINANCE_SPACE_ID,
                                    "pg-" + i,
                                    "postgres",
                                    Map.of("host", "db" + i + ".example.com", "port", 5432, "database", "sales"));
                }

                // when
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString(), "--on-existing", "update");
                long writesAfterFirst = tenant.sandbox().writeRequests();
                Qcl.Outcome second = tenant.qclUnpaced("run", "--input", input.toString(), "--on-existing", "update");

                // then
                assertThat(first.exitCode()).as(first.err()).isZero();
                assertThat(writesAfterFirst).isEqualTo(40);
                assertThat(tenant.sandbox().createRequests()).isZero();
                List<JsonNode> patches = patchBodies(tenant);
                assertThat(patches).hasSize(40).allSatisfy(patch -> {
                    assertThat(patch.size()).isEqualTo(1);
                    assertThat(patch.get(0).get("op").asString()).isEqualTo("replace");
                    assertThat(patch.get(0).get("path").asString()).isEqualTo("/connectionProperties/port");
                    assertThat(patch.get(0).get("value").asInt()).isEqualTo(5433);
                });
                assertThat(tenant.sandbox().connections())
                        .hasSize(40)
                        .allSatisfy(c -> assertThat(((Number) c.properties().get("port")).intValue())
                                .isEqualTo(5433));
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows)
                        .filteredOn(r -> r.runId() == 1)
                        .hasSize(40)
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsOnly(Tuple.tuple("UPDATED", "changed: port"));
                assertThat(second.exitCode()).as(second.err()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(40);
                assertThat(rows)
                        .filteredOn(r -> r.runId() == 2)
                        .hasSize(40)
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsOnly(Tuple.tuple("SKIPPED", "unchanged"));
            }
        }
    }

    @Nested
    class Secrets {
        static final List<String> HEADER =
                List.of("qName", "dataSourceId", "spaceName", "host", "database", "password");

        /** Three existing connections whose passwords qcl wrote once; returns a sheet that moves pg-2's host. */
        static Path givenPasswordsWrittenOnceAndAHostMoved(TestTenant tenant, Path dir) {
            for (String n : List.of("1", "2", "3")) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                "pg-" + n,
                                "postgres",
                                Map.of("host", "h" + n, "database", "d"));
            }
            Path before = sheet(dir.resolve("before.csv"), "h2", "pw-one-Xc52");
            tenant.qclUnpaced("run", "--input", before.toString(), "--on-existing", "update");
            return sheet(dir.resolve("moved.csv"), "h2-moved", "pw-one-Xc52");
        }

        static Path sheet(Path file, String host2, String password1) {
            return Sheets.with(HEADER)
                    .row("pg-1", "postgres", "Finance", "h1", "d", password1)
                    .row("pg-2", "postgres", "Finance", host2, "d", "pw-two-Vn31")
                    .row("pg-3", "postgres", "Finance", "h3", "d", "pw-three-Kq77")
                    .write(file);
        }

        @OnEachDatabase
        void should_send_a_secret_qcl_never_wrote_then_only_a_changed_one(TestDatabase.Kind db, @TempDir Path dir) {
            // given: three connections with passwords qcl never wrote
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                for (String n : List.of("1", "2", "3")) {
                    tenant.sandbox()
                            .addConnection(
                                    SandboxSeed.FINANCE_SPACE_ID,
                                    "pg-" + n,
                                    "postgres",
                                    Map.of("host", "h" + n, "database", "d", "password", "set-by-hand-" + n));
                }
                Path same = sheet(dir.resolve("same.csv"), "h2", "pw-one-Xc52");
                Path changed = sheet(dir.resolve("changed.csv"), "h2", "pw-one-CHANGED-Rt09");

                // when
                Qcl.Outcome never = tenant.qclUnpaced("run", "--input", same.toString(), "--on-existing", "update");
                int afterNever = patchBodies(tenant).size();
                Qcl.Outcome unchanged = tenant.qclUnpaced("run", "--input", same.toString(), "--on-existing", "update");
                int afterUnchanged = patchBodies(tenant).size();
                Qcl.Outcome oneChanged =
                        tenant.qclUnpaced("run", "--input", changed.toString(), "--on-existing", "update");

                // then
                assertThat(never.exitCode()).as(never.err()).isZero();
                assertThat(afterNever).isEqualTo(3);
                assertThat(patchBodies(tenant).subList(0, 3))
                        .allSatisfy(
                                patch -> assertThat(paths(patch)).containsExactly("/connectionProperties/password"));
                assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
                assertThat(afterUnchanged).isEqualTo(3);
                assertThat(ResultsTable.ofRun(tenant.database(), 2))
                        .extracting(ResultsTable.Row::message)
                        .containsOnly("unchanged");
                assertThat(oneChanged.exitCode()).as(oneChanged.err()).isZero();
                List<JsonNode> patches = patchBodies(tenant);
                assertThat(patches).hasSize(4);
                assertThat(paths(patches.get(3))).containsExactly("/connectionProperties/password");
                assertThat(patches.get(3).get(0).get("value").asString()).isEqualTo("pw-one-CHANGED-Rt09");
                assertThat(tenant.sandbox().connectionsNamed("pg-1").get(0).properties())
                        .containsEntry("password", "pw-one-CHANGED-Rt09");
                assertThat(ResultsTable.ofRun(tenant.database(), 3))
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("UPDATED", "SKIPPED", "SKIPPED");
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::message)
                        .noneMatch(m -> m.contains("pw-"));
            }
        }

        @OnEachDatabase
        void should_not_send_an_unchanged_secret_when_another_property_of_the_connection_changes(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: qcl wrote the passwords once
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Path moved = givenPasswordsWrittenOnceAndAHostMoved(tenant, dir);

                // when
                Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", moved.toString(), "--on-existing", "update");

                // then: contract section 5, a secret is sent only when it differs from what qcl last wrote
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                List<JsonNode> patches = patchBodies(tenant);
                assertThat(patches).hasSize(4);
                assertThat(paths(patches.get(3))).containsExactly("/connectionProperties/host");
                StoredConnection pg2 = tenant.sandbox().connectionsNamed("pg-2").get(0);
                assertThat(pg2.properties()).containsEntry("host", "h2-moved").containsEntry("password", "pw-two-Vn31");
            }
        }

        @OnEachDatabase
        void should_send_the_unchanged_secret_in_a_second_request_when_the_tenant_wants_credentials_with_the_change(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: qcl wrote the passwords once, and the tenant refuses a host change without credentials
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Path moved = givenPasswordsWrittenOnceAndAHostMoved(tenant, dir);
                tenant.sandbox()
                        .server()
                        .stubFor(
                                com.github.tomakehurst.wiremock.client.WireMock.patch(
                                                urlPathMatching("/api/v1/data-connections/.*"))
                                        .atPriority(1)
                                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining(
                                                "/connectionProperties/password"))
                                        .willReturn(
                                                com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                                                        .withStatus(400)
                                                        .withHeader("Content-Type", "application/json")
                                                        .withBody(
                                                                "{\"errors\":[{\"code\":\"DCERROR-0010\",\"title\":\"Bad or invalid request\","
                                                                        + "\"detail\":\"credentials are required when the host changes\",\"status\":400}]}")));

                // when
                Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", moved.toString(), "--on-existing", "update");

                // then: the change alone first, refused; then the change with the row's credentials
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                List<JsonNode> patches = patchBodies(tenant);
                assertThat(patches).hasSize(5);
                assertThat(paths(patches.get(3))).containsExactly("/connectionProperties/host");
                assertThat(paths(patches.get(4)))
                        .containsExactly("/connectionProperties/host", "/connectionProperties/password");
                StoredConnection pg2 = tenant.sandbox().connectionsNamed("pg-2").get(0);
                assertThat(pg2.properties()).containsEntry("host", "h2-moved").containsEntry("password", "pw-two-Vn31");
            }
        }
    }
}

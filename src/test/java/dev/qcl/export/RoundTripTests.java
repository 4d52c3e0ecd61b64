package dev.qcl.export;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.qcl.export.ExportFixtures.parsed;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** An export loads back: unchanged on its own tenant, the same connections on another (contract section 9). */
class RoundTripTests {

    @Nested
    class SameTenant {
        @Test
        void should_send_no_write_and_skip_every_row_as_unchanged_when_a_fresh_export_is_run_in_update_mode(
                @TempDir Path dir) {
            try (TestTenant tenant = ExportFixtures.startIn(dir)) {
                // given: the seeded connections plus some made outside qcl, and a fresh export of them all
                ExportFixtures.seed(tenant, dir);
                for (int i = 1; i <= 20; i++) {
                    tenant.sandbox()
                            .addConnection(
                                    SandboxSeed.GRIFFIN_OPS_SPACE_ID,
                                    "ops-" + i,
                                    "rest",
                                    Map.of(
                                            "url",
                                            "https://ops.example.com/" + i,
                                            "timeout",
                                            10 + i,
                                            "queryParameters",
                                            List.of(Map.of("name", "page", "value", i))));
                }
                Path export = dir.resolve("export.csv");
                Qcl.Outcome exported = tenant.qcl("export", "--all", "--output", export.toString());
                assertThat(exported.exitCode()).as(exported.err()).isZero();
                long writesBefore = tenant.sandbox().writeRequests();
                int journalBefore = journal(tenant).size();

                // when
                Qcl.Outcome plan =
                        tenant.qclUnpaced("validate", "--input", export.toString(), "--on-existing", "update");
                Qcl.Outcome run = tenant.qclUnpaced("run", "--input", export.toString(), "--on-existing", "update");

                // then
                assertThat(plan.exitCode()).as(plan.err()).isZero();
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(writesBefore);
                List<LoggedRequest> all = journal(tenant);
                List<LoggedRequest> since = all.subList(journalBefore, all.size());
                assertThat(since)
                        .isNotEmpty()
                        .extracting(r -> r.getMethod().getName())
                        .containsOnly("GET");
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows)
                        .filteredOn(r -> r.runId() == 2)
                        .hasSize(26)
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsOnly(Tuple.tuple("SKIP", "unchanged"));
                assertThat(rows)
                        .filteredOn(r -> r.runId() == 3)
                        .hasSize(26)
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsOnly(Tuple.tuple("SKIPPED", "unchanged"));
            }
        }

        /** The sandbox's request journal, oldest first. */
        private static List<LoggedRequest> journal(TestTenant tenant) {
            return tenant.sandbox().server().findAll(anyRequestedFor(anyUrl()));
        }
    }

    @Nested
    class AnotherTenant {
        @Test
        void should_create_the_same_non_secret_properties_in_the_mapped_spaces_with_the_secrets_from_the_environment(
                @TempDir Path dir) {
            try (TestTenant source = ExportFixtures.startIn(dir.resolve("dev"));
                    TestTenant target = ExportFixtures.startIn(dir.resolve("prod"))) {
                // given: an export with placeholders from the source; the target names two spaces differently
                ExportFixtures.seed(source, dir.resolve("dev"));
                String financeProd = target.sandbox().addSpace("Finance Prod", "managed");
                String salesEu = target.sandbox().addSpace("Sales EU", "managed");
                Path export = dir.resolve("export.csv");
                Qcl.Outcome exported =
                        source.qcl("export", "--all", "--secret-placeholders", "--output", export.toString());
                assertThat(exported.exitCode()).as(exported.err()).isZero();

                // when
                Qcl.Outcome run = target.qclUnpaced(
                        "run",
                        "--input",
                        export.toString(),
                        "--map-space",
                        "Finance=Finance Prod",
                        "--map-space",
                        "Sales=Sales EU");

                // then
                assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
                assertThat(target.results())
                        .hasSize(6)
                        .extracting(ResultsTable.Row::status)
                        .containsOnly("CREATED");
                Map<String, String> movedTo =
                        Map.of(SandboxSeed.FINANCE_SPACE_ID, financeProd, SandboxSeed.SALES_SPACE_ID, salesEu);
                assertThat(source.sandbox().connections()).hasSize(6).allSatisfy(original -> {
                    StoredConnection moved =
                            target.sandbox().connectionsNamed(original.qName()).get(0);
                    assertThat(moved.spaceId()).isEqualTo(movedTo.getOrDefault(original.spaceId(), original.spaceId()));
                    assertThat(moved.dataSourceId()).isEqualTo(original.dataSourceId());
                    assertThat(moved.tags()).isEqualTo(original.tags());
                    JsonNode before = parsed(source, original.id()).path("connectionProperties");
                    JsonNode after = parsed(target, moved.id()).path("connectionProperties");
                    assertThat(after).as(original.qName()).isEqualTo(before);
                });
                assertThat(target.sandbox()
                                .connectionsNamed("pg-finance")
                                .get(0)
                                .properties())
                        .containsEntry("password", "moved-pg-Qx11");
                assertThat(target.sandbox()
                                .connectionsNamed("sf-warehouse")
                                .get(0)
                                .properties())
                        .containsEntry("password", "moved-sf-Qx15")
                        .containsEntry("privateKeyPassphrase", "moved-sf-Qx16");
                assertThat(target.sandbox().connectionsNamed("dbx-lake").get(0).properties())
                        .containsEntry("token", "moved-dbx-Qx17");
            }
        }
    }
}

package dev.qcl.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.LoopbackTenant;
import dev.qcl.StepFixtures;
import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.PropertyValue;
import dev.qcl.connector.RowCheck;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.PlannedRow;
import dev.qcl.run.plan.SavedPlan;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A row of a run that applies a saved plan ({@code run --plan}), through the real row processor and write
 * journal, against a WireMock tenant on loopback: the planned write goes out only while its target is as
 * the plan found it, and a restart after an unanswered update tells its own update from someone else's.
 */
class PlannedRowsTests {
    static final long RUN = 9;
    static final String FINANCE = "6601c0a3e9b1f24d7a5c8e10";
    static final String ID = "c-1";
    static final String PLANNED_AT = "2026-12-01T10:00:00.100Z";
    static final String LATER = "2026-12-01T11:30:00.200Z";

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    JdbcTemplate database;
    RowWrites journal;
    RunProgress progress = new RunProgress();

    @BeforeEach
    void start() {
        database = ResultFixtures.database(dir);
        journal = new RowWrites(database);
        tenant.server.stubFor(
                patch(urlPathEqualTo("/api/v1/data-connections/" + ID)).willReturn(noContent()));
    }

    /** The row: pg-1 in Finance on host h2.example.com, port 5432. */
    static RowCheck.Valid row() {
        Map<String, PropertyValue> properties = new LinkedHashMap<>();
        properties.put("host", new PropertyValue.Literal("h2.example.com", false));
        properties.put("port", new PropertyValue.Literal(5432, false));
        return new RowCheck.Valid(new ConnectionDraft(2, "pg-1", "postgres", FINANCE, List.of(), properties));
    }

    static PlannedRow planned(RowStatus action, String updated, List<String> changes) {
        PlanTarget target = action == RowStatus.CREATE ? null : new PlanTarget(ID, updated);
        return new PlannedRow(2, "pg-1", FINANCE, "postgres", action, target, changes, false, "as planned");
    }

    JournaledRowProcessor processor(PlannedRow row) {
        RunParameters run = RunParameters.of(dir.resolve("sheet.csv"), "sha", null, OnExisting.UPDATE, false, null);
        SavedPlan plan = new SavedPlan(
                SavedPlan.FORMAT,
                PLANNED_AT,
                "diff",
                1,
                tenant.server.baseUrl(),
                new SavedPlan.Input("sheet.csv", "sha"),
                new SavedPlan.Options("update", null, false, Map.of(), null),
                List.of(row),
                List.of());
        ExistingConnections existing = new ExistingConnections(tenant.client);
        SecretFingerprints fingerprints = new SecretFingerprints(database, FingerprintKey.load(dir.resolve("key")));
        RowProcessor decision = new RowProcessor(
                run,
                progress,
                existing,
                tenant.client,
                ReferenceResolver.forInput(dir.resolve("sheet.csv")),
                new ConnectionUpdater(tenant.client, fingerprints, Ownership.NONE),
                plan,
                new PlanRecorder());
        JournaledRowProcessor processor = new JournaledRowProcessor(
                decision, decision::afterUnansweredUpdate, decision::mayWrite, journal, existing, run, progress);
        processor.beforeStep(StepFixtures.stepOfRun(RUN));
        return processor;
    }

    /** The space's listing shows pg-1, last changed at {@code updated} (null: the tenant does not say). */
    void listed(String updated) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                .withQueryParam("spaceId", equalTo(FINANCE))
                .willReturn(okJson(LoopbackTenant.page(connection(updated, null)))));
    }

    /** pg-1 as read for an update: on {@code host}, port 5432, last changed at {@code updated}. */
    void readBack(String updated, String host) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections/pg-1"))
                .withQueryParam("parseConnection", equalTo("true"))
                .willReturn(okJson(connection(updated, host))));
    }

    static String connection(String updated, String host) {
        return "{\"id\":\"" + ID + "\",\"qName\":\"pg-1\",\"datasourceID\":\"postgres\",\"space\":\"" + FINANCE
                + "\",\"tags\":[]" + (updated == null ? "" : ",\"updated\":\"" + updated + "\"")
                + (host == null ? "" : ",\"connectionProperties\":{\"host\":\"" + host + "\",\"port\":5432}")
                + "}";
    }

    int patches() {
        return tenant.server.findAll(patchRequestedFor(anyUrl())).size();
    }

    @Nested
    class AnUpdate {
        @Test
        void should_go_out_once_when_the_connection_is_as_the_plan_found_it() throws Exception {
            listed(PLANNED_AT);
            readBack(PLANNED_AT, "h1.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.UPDATED);
            assertThat(result.message()).isEqualTo("changed: host");
            tenant.server.verify(exactly(1), patchRequestedFor(urlPathEqualTo("/api/v1/data-connections/" + ID)));
        }

        @Test
        void should_fail_and_send_nothing_when_the_listing_shows_a_later_change() throws Exception {
            listed(LATER);
            readBack(LATER, "h1.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message())
                    .startsWith("changed since the plan: connection c-1 was changed (updated " + LATER
                            + ", the plan has " + PLANNED_AT + ")");
            assertThat(patches()).isZero();
        }

        @Test
        void should_fail_and_send_nothing_when_it_changed_between_the_listing_and_its_read() throws Exception {
            listed(PLANNED_AT);
            readBack(LATER, "h1.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message()).startsWith("changed since the plan: ");
            assertThat(patches()).isZero();
        }

        @Test
        void should_fail_and_send_nothing_when_it_would_now_change_other_properties_than_planned() throws Exception {
            // given: a tenant that shows no updated time, and the connection moved to another port
            listed(null);
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections/pg-1"))
                    .withQueryParam("parseConnection", equalTo("true"))
                    .willReturn(okJson(connection(null, "h1.example.com").replace("5432", "6000"))));

            RowResult result =
                    processor(planned(RowStatus.UPDATE, null, List.of("host"))).process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message())
                    .startsWith("changed since the plan: the update would now change host, port, the plan has host");
            assertThat(patches()).isZero();
        }
    }

    @Nested
    class AfterAnUnansweredUpdate {
        @Test
        void should_count_a_connection_that_now_matches_the_row_as_this_runs_update() throws Exception {
            // given: the update went out before the interruption, landed, and so moved the updated time
            journal.sending(RUN, 2, RowWrites.UPDATING, ID);
            listed(LATER);
            readBack(LATER, "h2.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.UPDATED);
            assertThat(result.message()).startsWith("updated before the interruption");
            assertThat(patches()).isZero();
            assertThat(progress.counts()).isEqualTo(Map.of(RowStatus.UPDATED, 1L));
        }

        @Test
        void should_fail_when_the_connection_was_changed_and_does_not_match_the_row() throws Exception {
            journal.sending(RUN, 2, RowWrites.UPDATING, ID);
            listed(LATER);
            readBack(LATER, "someone-else.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message()).startsWith("changed since the plan: ");
            assertThat(patches()).isZero();
        }

        @Test
        void should_send_the_planned_update_when_the_first_one_never_landed() throws Exception {
            journal.sending(RUN, 2, RowWrites.UPDATING, ID);
            listed(PLANNED_AT);
            readBack(PLANNED_AT, "h1.example.com");

            RowResult result = processor(planned(RowStatus.UPDATE, PLANNED_AT, List.of("host")))
                    .process(row());

            assertThat(result.status()).isEqualTo(RowStatus.UPDATED);
            assertThat(result.message()).isEqualTo("changed: host");
            assertThat(patches()).isEqualTo(1);
        }
    }

    @Nested
    class OtherActions {
        @Test
        void should_fail_a_planned_create_whose_name_was_taken_since_and_send_no_create() throws Exception {
            listed(LATER);

            RowResult result =
                    processor(planned(RowStatus.CREATE, null, List.of())).process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message()).startsWith("changed since the plan: connection c-1 appeared in the space");
            tenant.server.verify(exactly(0), postRequestedFor(anyUrl()));
            assertThat(journal.find(RUN, 2)).isEmpty();
        }

        @Test
        void should_fail_a_planned_skip_whose_connection_went_away_and_create_nothing() throws Exception {
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .withQueryParam("spaceId", equalTo(FINANCE))
                    .willReturn(okJson(LoopbackTenant.page())));

            RowResult result =
                    processor(planned(RowStatus.SKIP, PLANNED_AT, List.of())).process(row());

            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.message()).startsWith("changed since the plan: connection c-1 went away");
            tenant.server.verify(exactly(0), postRequestedFor(anyUrl()));
        }

        @Test
        void should_skip_a_planned_skip_with_the_plans_message_while_its_connection_is_unchanged() throws Exception {
            listed(PLANNED_AT);

            RowResult result =
                    processor(planned(RowStatus.SKIP, PLANNED_AT, List.of())).process(row());

            assertThat(result.status()).isEqualTo(RowStatus.SKIPPED);
            assertThat(result.message()).isEqualTo("as planned");
            assertThat(result.connectionId()).isEqualTo(ID);
            assertThat(patches()).isZero();
        }
    }
}

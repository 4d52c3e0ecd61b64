package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.qcl.job.PlanFixtures.HEADER;
import static dev.qcl.job.PlanFixtures.SECRET;
import static dev.qcl.job.PlanFixtures.delete;
import static dev.qcl.job.PlanFixtures.deleted;
import static dev.qcl.job.PlanFixtures.edit;
import static dev.qcl.job.PlanFixtures.forgetRequests;
import static dev.qcl.job.PlanFixtures.patched;
import static dev.qcl.job.PlanFixtures.plannedRow;
import static dev.qcl.job.PlanFixtures.posted;
import static dev.qcl.job.PlanFixtures.read;
import static dev.qcl.job.PlanFixtures.row;
import static dev.qcl.job.PlanFixtures.rowWithoutSecret;
import static dev.qcl.job.PlanFixtures.seed;
import static dev.qcl.job.PlanFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.csv.InputFiles;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Saved plans (contract section 13) against the sandbox tenant: {@code validate} and {@code diff
 * --save-plan} write the plan, {@code run --plan} applies exactly that plan, refuses one that no longer
 * fits, and fails what changed in the tenant since; {@code restart} and {@code rerun-failed} keep to it.
 */
class SavedPlanTests {
    static final String CHUNK_OF_5 = "--qcl.job.chunk-size=5";
    static final String[] UPDATE_OWN_PRUNE = {"--on-existing", "update", "--own", "nightly", "--prune"};

    static String[] args(String first, Path input, Path plan, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(
                first, "--input", input.toString(), first.equals("run") ? "--plan" : "--save-plan", plan.toString()));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    static String[] plus(String[] some, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(some));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Nested
    class Saving {
        @Test
        void should_write_the_input_digest_the_options_and_each_rows_action_and_target_but_no_secret(@TempDir Path dir)
                throws Exception {
            // given
            Path input = row(row(Sheets.with(HEADER), "pg-new", "5432"), "pg-there", "5432")
                    .write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                StoredConnection there = seed(tenant, "pg-there");

                // when
                Qcl.Outcome outcome = tenant.qcl(args("validate", input, planFile));

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(outcome.out()).contains("Plan saved to " + planFile);
                assertThat(outcome.lastLine()).startsWith("Run 1 (validate) COMPLETED");
                JsonNode plan = read(planFile);
                assertThat(plan.get("qclPlan").asInt()).isEqualTo(1);
                assertThat(plan.get("command").asString()).isEqualTo("validate");
                assertThat(plan.get("tenant").asString())
                        .isEqualTo(tenant.sandbox().url());
                assertThat(Instant.parse(plan.get("createdAt").asString()))
                        .isBetween(Instant.now().minusSeconds(60), Instant.now());
                assertThat(plan.get("input").get("sha256").asString())
                        .isEqualTo(InputFiles.inspect(input).sha256());
                assertThat(plan.get("options").get("onExisting").asString()).isEqualTo("skip");
                assertThat(plan.get("options").has("tenants")).isTrue();
                JsonNode created = plannedRow(plan, "pg-new");
                assertThat(created.get("row").asInt()).isEqualTo(2);
                assertThat(created.get("action").asString()).isEqualTo("CREATE");
                assertThat(created.get("target").isNull()).isTrue();
                assertThat(created.get("space").asString()).isEqualTo(SandboxSeed.FINANCE_SPACE_ID);
                JsonNode skipped = plannedRow(plan, "pg-there");
                assertThat(skipped.get("action").asString()).isEqualTo("SKIP");
                assertThat(skipped.get("target").get("id").asString()).isEqualTo(there.id());
                assertThat(Instant.parse(skipped.get("target").get("updated").asString()))
                        .isEqualTo(there.updated().truncatedTo(ChronoUnit.MILLIS));
                assertThat(Files.readString(planFile)).doesNotContain(SECRET);
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }

        @Test
        void should_plan_updates_by_the_names_of_what_differs_and_deletions_by_their_connection_in_a_diff(
                @TempDir Path dir) throws Exception {
            // given: pg-moved is on another port than the sheet says, gone-1 is owned and named by no row
            Path input = row(rowWithoutSecret(Sheets.with(HEADER), "pg-same", "5432"), "pg-moved", "5432")
                    .write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                seed(tenant, "pg-same", "qcl:nightly");
                StoredConnection moved = seed(tenant, "pg-moved", "qcl:nightly");
                edit(tenant, moved.id(), "port", 5999);
                StoredConnection gone = seed(tenant, "gone-1", "qcl:nightly");

                // when
                Qcl.Outcome outcome = tenant.qcl(args("diff", input, planFile, "--own", "nightly", "--prune"));

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(4);
                JsonNode plan = read(planFile);
                assertThat(plan.get("command").asString()).isEqualTo("diff");
                assertThat(plan.get("options").get("onExisting").asString()).isEqualTo("update");
                assertThat(plan.get("options").get("own").asString()).isEqualTo("nightly");
                assertThat(plan.get("options").get("prune").asBoolean()).isTrue();
                assertThat(plannedRow(plan, "pg-same").get("action").asString()).isEqualTo("SKIP");
                JsonNode update = plannedRow(plan, "pg-moved");
                assertThat(update.get("action").asString()).isEqualTo("UPDATE");
                assertThat(update.get("changes").valueStream().map(JsonNode::asString))
                        .containsExactly("port", "password");
                assertThat(update.get("target").get("updated").asString())
                        .isEqualTo(stored(tenant, "pg-moved")
                                .updated()
                                .truncatedTo(ChronoUnit.MILLIS)
                                .toString());
                assertThat(plan.get("deletions")).hasSize(1);
                JsonNode deletion = plan.get("deletions").get(0);
                assertThat(deletion.get("action").asString()).isEqualTo("DELETE");
                assertThat(deletion.get("qName").asString()).isEqualTo("gone-1");
                assertThat(deletion.get("target").get("id").asString()).isEqualTo(gone.id());
                assertThat(Files.readString(planFile)).doesNotContain(SECRET);
            }
        }

        @Test
        void should_save_no_plan_and_exit_2_when_the_prune_is_over_the_cap(@TempDir Path dir) {
            Path input = row(Sheets.with(HEADER), "pg-1", "5432").write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                seed(tenant, "gone-1", "qcl:nightly");
                seed(tenant, "gone-2", "qcl:nightly");

                Qcl.Outcome outcome = tenant.qcl(
                        args("validate", input, planFile, "--own", "nightly", "--prune", "--max-deletes", "1"));

                assertThat(outcome.exitCode()).isEqualTo(2);
                assertThat(planFile).doesNotExist();
            }
        }
    }

    @Nested
    class Applying {
        @OnEachDatabase
        void should_do_exactly_what_the_plan_says_and_name_the_plan_in_the_report(
                TestDatabase.Kind db, @TempDir Path dir) throws Exception {
            // given: a plan to create pg-new, update pg-moved (its port), adopt pg-foreign and delete gone-1
            Sheets sheet = rowWithoutSecret(Sheets.with(HEADER), "pg-foreign", "5432");
            Path input = row(row(sheet, "pg-new", "5432"), "pg-moved", "5432").write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                seed(tenant, "pg-foreign");
                StoredConnection moved = seed(tenant, "pg-moved", "qcl:nightly");
                edit(tenant, moved.id(), "port", 5999);
                StoredConnection gone = seed(tenant, "gone-1", "qcl:nightly");
                Qcl.Outcome planned = tenant.qcl(args("diff", input, planFile, "--own", "nightly", "--prune"));
                assertThat(planned.exitCode()).as(planned.err()).isEqualTo(4);
                String digest = planned.out()
                        .lines()
                        .filter(l -> l.startsWith("Plan saved to"))
                        .findFirst()
                        .orElseThrow()
                        .replaceAll(".*SHA-256 ([0-9a-f]{64}).*", "$1");

                // when
                Qcl.Outcome applied = tenant.qclUnpaced(plus(args("run", input, planFile), UPDATE_OWN_PRUNE));

                // then
                assertThat(applied.exitCode()).as(applied.err()).isZero();
                assertThat(ResultsTable.ofRun(tenant.database(), 2))
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsExactly(
                                tuple("gone-1", "DELETED", "tagged qcl:nightly and named by no row of the sheet"),
                                tuple("pg-foreign", "UPDATED", "adopted into qcl:nightly"),
                                tuple("pg-new", "CREATED", ""),
                                tuple("pg-moved", "UPDATED", "changed: port, password"));
                assertThat(tenant.sandbox().connectionsNamed("gone-1")).isEmpty();
                assertThat(((Number) stored(tenant, "pg-moved").properties().get("port")).intValue())
                        .isEqualTo(5432);
                assertThat(stored(tenant, "pg-foreign").tags()).contains("qcl:nightly");
                assertThat(deleted(tenant)).containsExactly(gone.id());
                Path report = tenant.home().resolve("reports/run-2");
                assertThat(Files.readString(report.resolve("report.html")))
                        .contains("Applied the saved plan", planFile.toString(), digest);
                JsonNode summary = read(report.resolve("summary.json"));
                assertThat(summary.get("plan").get("sha256").asString()).isEqualTo(digest);
                assertThat(summary.get("plan").get("file").asString()).isEqualTo(planFile.toString());
                assertThat(summary.get("plan").get("createdAt").asString())
                        .isEqualTo(read(planFile).get("createdAt").asString());
            }
        }

        @Test
        void should_fail_and_not_write_what_was_created_deleted_or_edited_since_the_plan(@TempDir Path dir)
                throws Exception {
            // given: a plan over rows and owned connections that are then changed in the tenant by hand
            Sheets sheet = Sheets.with(HEADER);
            row(sheet, "appeared", "5432"); // planned CREATE; created by hand after the plan
            row(sheet, "kept-new", "5432"); // planned CREATE; untouched
            row(sheet, "went-away", "5432"); // planned UPDATE; deleted by hand
            row(sheet, "edited", "5432"); // planned UPDATE; edited by hand
            row(sheet, "kept-update", "5432"); // planned UPDATE; untouched
            rowWithoutSecret(sheet, "skip-gone", "5432"); // planned SKIP (unchanged); deleted by hand
            Path input = sheet.write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                StoredConnection wentAway = seed(tenant, "went-away", "qcl:nightly");
                StoredConnection edited = seed(tenant, "edited", "qcl:nightly");
                seed(tenant, "kept-update", "qcl:nightly");
                StoredConnection skipGone = seed(tenant, "skip-gone", "qcl:nightly");
                StoredConnection delEdited = seed(tenant, "del-edited", "qcl:nightly");
                StoredConnection delKept = seed(tenant, "del-kept", "qcl:nightly");
                Qcl.Outcome planned = tenant.qcl(plus(args("validate", input, planFile), UPDATE_OWN_PRUNE));
                assertThat(planned.exitCode()).as(planned.err()).isZero();
                StoredConnection appeared = seed(tenant, "appeared");
                delete(tenant, wentAway.id());
                edit(tenant, edited.id(), "port", 6000);
                delete(tenant, skipGone.id());
                edit(tenant, delEdited.id(), "database", "archive");
                StoredConnection delNew = seed(tenant, "del-new", "qcl:nightly");
                forgetRequests(tenant);

                // when
                Qcl.Outcome applied = tenant.qclUnpaced(plus(args("run", input, planFile), UPDATE_OWN_PRUNE));

                // then
                assertThat(applied.exitCode()).as(applied.err()).isEqualTo(1);
                List<ResultsTable.Row> all = ResultsTable.ofRun(tenant.database(), 2);
                List<ResultsTable.Row> results =
                        all.stream().filter(r -> r.row() > 0).toList();
                assertThat(results)
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status)
                        .containsExactly(
                                tuple("appeared", "FAILED"),
                                tuple("kept-new", "CREATED"),
                                tuple("went-away", "FAILED"),
                                tuple("edited", "FAILED"),
                                tuple("kept-update", "UPDATED"),
                                tuple("skip-gone", "FAILED"));
                assertThat(all)
                        .filteredOn(r -> r.row() < 0)
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status)
                        .containsExactlyInAnyOrder(tuple("del-kept", "DELETED"), tuple("del-edited", "FAILED"));
                assertThat(all)
                        .filteredOn(r -> r.qName().equals("del-edited"))
                        .extracting(ResultsTable.Row::message)
                        .allMatch(m -> m.startsWith("changed since the plan: connection " + delEdited.id()));
                assertThat(results)
                        .filteredOn(r -> r.status().equals("FAILED"))
                        .extracting(ResultsTable.Row::message)
                        .allMatch(m -> m.startsWith("changed since the plan: "));
                assertThat(results.get(0).message()).contains(appeared.id(), "appeared");
                assertThat(results.get(2).message()).contains(wentAway.id(), "went away");
                assertThat(results.get(3).message()).contains(edited.id(), "was changed");
                assertThat(posted(tenant)).containsExactly("kept-new");
                assertThat(patched(tenant))
                        .containsExactly(stored(tenant, "kept-update").id());
                assertThat(deleted(tenant)).containsExactly(delKept.id());
                // what changed by hand stays as the person left it
                assertThat(stored(tenant, "appeared").id()).isEqualTo(appeared.id());
                assertThat(((Number) stored(tenant, "edited").properties().get("port")).intValue())
                        .isEqualTo(6000);
                assertThat(tenant.sandbox().connectionsNamed("went-away")).isEmpty();
                assertThat(tenant.sandbox().connectionsNamed("skip-gone")).isEmpty();
                assertThat(stored(tenant, "del-edited").properties()).containsEntry("database", "archive");
                assertThat(stored(tenant, "del-new").id()).isEqualTo(delNew.id());
                assertThat(Files.readString(tenant.home().resolve("logs/qcl.log")))
                        .contains("1 connection(s) that no row names are not in the plan and were left alone")
                        .doesNotContain(PlanFixtures.SECRET);
            }
        }
    }

    @Nested
    class Refusing {
        @Test
        void should_refuse_with_exit_2_and_send_nothing_when_the_input_options_tenant_or_age_differ(@TempDir Path dir)
                throws Exception {
            // given
            Path input = row(Sheets.with(HEADER), "pg-new", "5432").write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome planned = tenant.qcl(args("validate", input, planFile, "--on-existing", "update"));
                assertThat(planned.exitCode()).as(planned.err()).isZero();
                Path changedInput = row(row(Sheets.with(HEADER), "pg-new", "5432"), "pg-more", "5432")
                        .write(dir.resolve("changed.csv"));
                Path otherTenant = dir.resolve("other-tenant.json");
                Files.writeString(
                        otherTenant,
                        Files.readString(planFile).replace(tenant.sandbox().url(), "https://other.eu.qlikcloud.com"));
                Path broken = dir.resolve("broken.json");
                Files.writeString(broken, "{\"qclPlan\": 1, \"rows\": [");

                // when
                Qcl.Outcome inputDiffers = tenant.qcl(args("run", changedInput, planFile, "--on-existing", "update"));
                Qcl.Outcome optionsDiffer = tenant.qcl(args("run", input, planFile));
                Qcl.Outcome mapDiffers = tenant.qcl(
                        args("run", input, planFile, "--on-existing", "update", "--map-space", "Finance=Sales"));
                Qcl.Outcome tenantDiffers = tenant.qcl(args("run", input, otherTenant, "--on-existing", "update"));
                Qcl.Outcome tooOld =
                        tenant.qcl(args("run", input, planFile, "--on-existing", "update", "--qcl.plan.max-age=1ms"));
                Qcl.Outcome notAPlan = tenant.qcl(args("run", input, broken, "--on-existing", "update"));
                Qcl.Outcome missing =
                        tenant.qcl(args("run", input, dir.resolve("none.json"), "--on-existing", "update"));
                Qcl.Outcome dryRun = tenant.qcl(args("run", input, planFile, "--on-existing", "update", "--dry-run"));

                // then
                assertThat(inputDiffers.exitCode()).isEqualTo(2);
                assertThat(inputDiffers.err())
                        .contains("the input's bytes differ")
                        .hasLineCount(1);
                assertThat(optionsDiffer.exitCode()).isEqualTo(2);
                assertThat(optionsDiffer.err())
                        .contains("the options differ from the plan's", "--on-existing update", "--on-existing skip")
                        .hasLineCount(1);
                assertThat(mapDiffers.exitCode()).isEqualTo(2);
                assertThat(mapDiffers.err()).contains("the options differ");
                assertThat(tenantDiffers.exitCode()).isEqualTo(2);
                assertThat(tenantDiffers.err()).contains("was made for the tenant https://other.eu.qlikcloud.com");
                assertThat(tooOld.exitCode()).isEqualTo(2);
                assertThat(tooOld.err())
                        .contains("longer ago than qcl.plan.max-age (1 ms)")
                        .hasLineCount(1);
                assertThat(notAPlan.exitCode()).isEqualTo(2);
                assertThat(notAPlan.err()).contains("is not a qcl plan").hasLineCount(1);
                assertThat(missing.exitCode()).isEqualTo(2);
                assertThat(missing.err()).contains("does not exist");
                assertThat(dryRun.exitCode()).isEqualTo(2);
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(tenant.sandbox().connections()).isEmpty();
                assertThat(ResultsTable.read(tenant.database()))
                        .extracting(ResultsTable.Row::runId)
                        .containsOnly(1L);
            }
        }
    }

    @Nested
    class KeepingToThePlan {
        /** Answers 401 to the create of one name only, as if the key were revoked at that moment. */
        static StubMapping refuseTheCreateOf(TestTenant tenant, String qName, int status) {
            return tenant.sandbox()
                    .server()
                    .stubFor(post(urlPathEqualTo("/api/v1/data-connections"))
                            .withRequestBody(matchingJsonPath("$.qName", equalTo(qName)))
                            .atPriority(1)
                            .willReturn(aResponse()
                                    .withStatus(status)
                                    .withHeader("Content-Type", "application/json")
                                    .withBody("{\"errors\":[{\"code\":\"X\",\"title\":\"Refused\"}]}")));
        }

        @OnEachDatabase
        void should_restart_a_planned_run_in_the_middle_and_keep_to_the_plan(TestDatabase.Kind db, @TempDir Path dir)
                throws Exception {
            // given: 30 planned creates in chunks of 5; the create of conn-13 is refused with a 401, so the
            // run stops in its third chunk
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 30, "Finance")
                    .write(dir.resolve("thirty.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                assertThat(tenant.qcl(args("validate", input, planFile)).exitCode())
                        .isZero();
                StubMapping refusal = refuseTheCreateOf(tenant, "conn-13", 401);
                Qcl.Outcome first = tenant.qclUnpaced(plus(args("run", input, planFile), CHUNK_OF_5));
                assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
                tenant.sandbox().server().removeStub(refusal);
                // meanwhile someone makes conn-28 by hand, and the plan file is changed
                assertThat(tenant.sandbox().connectionsNamed("conn-28")).isEmpty();
                StoredConnection byHand = tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                "conn-28",
                                "postgres",
                                java.util.Map.of("host", "h", "database", "d"));
                String plan = Files.readString(planFile);
                Files.writeString(planFile, plan.replace("\"qclPlan\" : 1", "\"qclPlan\" : 1 "));

                // when
                Qcl.Outcome refused = tenant.qclUnpaced("restart", CHUNK_OF_5);
                Files.writeString(planFile, plan);
                Qcl.Outcome restart = tenant.qclUnpaced("restart", CHUNK_OF_5);

                // then
                assertThat(refused.exitCode()).isEqualTo(2);
                assertThat(refused.err()).contains("changed since the run that applies it started");
                assertThat(restart.exitCode()).as(restart.err()).isEqualTo(1);
                List<ResultsTable.Row> rows = ResultsTable.ofRun(tenant.database(), 2);
                assertThat(rows)
                        .extracting(ResultsTable.Row::row)
                        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 31)
                                .boxed()
                                .toList());
                assertThat(rows)
                        .filteredOn(r -> !r.qName().equals("conn-28"))
                        .extracting(ResultsTable.Row::status)
                        .containsOnly("CREATED");
                assertThat(rows)
                        .filteredOn(r -> r.qName().equals("conn-28"))
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("FAILED");
                assertThat(rows)
                        .filteredOn(r -> r.qName().equals("conn-28"))
                        .extracting(ResultsTable.Row::message)
                        .allMatch(m -> m.startsWith("changed since the plan: connection " + byHand.id()));
                assertThat(tenant.sandbox().createRequests()).isEqualTo(29);
                assertThat(tenant.sandbox().connectionsNamed("conn-28"))
                        .extracting(StoredConnection::id)
                        .containsExactly(byHand.id());
                assertThat(restart.lastLine()).startsWith("Run 2 COMPLETED");
            }
        }

        @Test
        void should_rerun_the_failed_rows_of_a_planned_run_as_the_plan_has_them(@TempDir Path dir) throws Exception {
            // given: a planned run whose create of r-2 the tenant refused (400)
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "r", 3, "Finance")
                    .write(dir.resolve("three.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                assertThat(tenant.qcl(args("validate", input, planFile)).exitCode())
                        .isZero();
                StubMapping refusal = refuseTheCreateOf(tenant, "r-2", 400);
                Qcl.Outcome applied = tenant.qclUnpaced(args("run", input, planFile));
                assertThat(applied.exitCode()).as(applied.err()).isEqualTo(1);
                tenant.sandbox().server().removeStub(refusal);
                Path corrected = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "r", 2, "Finance")
                        .write(dir.resolve("corrected.csv"));

                // when
                Qcl.Outcome withCorrected = tenant.qclUnpaced("rerun-failed", "--input", corrected.toString());
                Qcl.Outcome tooOld = tenant.qclUnpaced("rerun-failed", "--qcl.plan.max-age=1ms");
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed");

                // then
                assertThat(withCorrected.exitCode()).isEqualTo(2);
                assertThat(withCorrected.err()).contains("applied the plan");
                assertThat(tooOld.exitCode()).isEqualTo(2);
                assertThat(tooOld.err()).contains("qcl.plan.max-age");
                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(ResultsTable.ofRun(tenant.database(), 3))
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status)
                        .containsExactly(tuple("r-2", "CREATED"));
                assertThat(Files.readString(tenant.home().resolve("reports/run-3/report.html")))
                        .contains("Applied the saved plan", planFile.toString());
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("r-1", "r-2", "r-3");
            }
        }
    }

    @Nested
    class Showing {
        @Test
        void should_print_the_plan_as_diff_prints_it(@TempDir Path dir) throws Exception {
            // given
            Sheets sheet = Sheets.with(HEADER);
            row(sheet, "pg-new", "5432");
            row(sheet, "pg-moved", "5432");
            sheet.row("pg-bad", "postgres", "Finance", "h", "54O2", "sales", "");
            Path input = sheet.write(dir.resolve("sheet.csv"));
            Path planFile = dir.resolve("plan.json");
            try (TestTenant tenant = TestTenant.start(dir)) {
                StoredConnection moved = seed(tenant, "pg-moved", "qcl:nightly");
                StoredConnection gone = seed(tenant, "gone-1", "qcl:nightly");
                Qcl.Outcome diff = tenant.qcl(args("diff", input, planFile, "--own", "nightly", "--prune"));

                // when
                Qcl.Outcome shown = Qcl.run("plan", "show", planFile.toString());

                // then
                assertThat(shown.exitCode()).as(shown.err()).isZero();
                String f = SandboxSeed.FINANCE_SPACE_ID;
                assertThat(shown.out())
                        .contains(
                                "Plan " + planFile,
                                "made by qcl diff (run 1)",
                                "options --on-existing update --own nightly --prune",
                                "+ create  row 2  pg-new (space " + f + ")",
                                "~ update  row 3  pg-moved (space " + f + ", " + moved.id() + "): changed: password",
                                "! invalid row 4  pg-bad: ",
                                "- delete  gone-1 (space " + f + ", " + gone.id() + ")",
                                "Diff: 1 to create, 1 to update, 1 to delete, 0 unchanged or skipped, 1 invalid.",
                                "Apply it with: qcl run --plan " + planFile + " --input " + input
                                        + " --on-existing update --own nightly --prune");
                // the same lines as the diff that made it
                assertThat(diff.out().lines().filter(l -> l.matches("^[+~!-] .*")))
                        .containsExactlyElementsOf(shown.out()
                                .lines()
                                .filter(l -> l.matches("^[+~!-] .*"))
                                .toList());
            }
        }
    }
}

package dev.qcl.prune;

import static dev.qcl.prune.OwnedSetFixtures.bulkDeletes;
import static dev.qcl.prune.OwnedSetFixtures.editThroughTheApi;
import static dev.qcl.prune.OwnedSetFixtures.names;
import static dev.qcl.prune.OwnedSetFixtures.requests;
import static dev.qcl.prune.OwnedSetFixtures.seed;
import static dev.qcl.prune.OwnedSetFixtures.sheet;
import static dev.qcl.prune.OwnedSetFixtures.stored;
import static dev.qcl.prune.OwnedSetFixtures.summary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --own SET}, {@code --prune}, {@code --max-deletes} and {@code diff} against the sandbox tenant. */
class OwnedSetTests {

    @Nested
    class Adopt {
        @Test
        void should_tag_created_connections_and_adopt_existing_ones_in_update_mode(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "pg-same", "pg-moved", "pg-new");
            try (TestTenant tenant = TestTenant.start(dir)) {
                // given: two connections made by hand, one on another port than the sheet says
                seed(tenant, "pg-same", "finance");
                StoredConnection moved = seed(tenant, "pg-moved");
                editThroughTheApiQuietly(tenant, moved.id(), "port", 5999);

                // when
                Qcl.Outcome apply = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly");
                long writesAfterApply = tenant.sandbox().writeRequests();
                Qcl.Outcome again = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly");

                // then
                assertThat(apply.exitCode()).as(apply.err()).isZero();
                assertThat(ResultsTable.ofRun(tenant.database(), 1))
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsExactly(
                                tuple("pg-same", "UPDATED", "adopted into qcl:nightly"),
                                tuple("pg-moved", "UPDATED", "changed: port; adopted into qcl:nightly"),
                                tuple("pg-new", "CREATED", ""));
                assertThat(stored(tenant, "pg-same").tags())
                        .contains("finance", "qcl:nightly")
                        .anyMatch(t -> t.startsWith("DcaasAPI:"));
                assertThat(((Number) stored(tenant, "pg-moved").properties().get("port")).intValue())
                        .isEqualTo(5432);
                assertThat(stored(tenant, "pg-new").tags()).contains("qcl:nightly");
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(writesAfterApply);
                assertThat(ResultsTable.ofRun(tenant.database(), 2))
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsOnly(tuple("SKIPPED", "unchanged"));
            }
        }

        @Test
        void should_leave_an_untagged_connection_alone_in_skip_mode(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "pg-foreign", "pg-ours");
            try (TestTenant tenant = TestTenant.start(dir)) {
                // given
                seed(tenant, "pg-foreign");
                seed(tenant, "pg-ours", "qcl:nightly");

                // when
                Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", input.toString(), "--own", "nightly");

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status)
                        .containsExactly(tuple("pg-foreign", "SKIPPED"), tuple("pg-ours", "SKIPPED"));
                assertThat(tenant.results().get(0).message()).startsWith("not owned by nightly");
                assertThat(tenant.results().get(1).message()).isEqualTo("exists in the space (--on-existing skip)");
                assertThat(stored(tenant, "pg-foreign").tags()).noneMatch(t -> t.startsWith("qcl:"));
            }
        }
    }

    @Nested
    class Prune {
        @OnEachDatabase
        void should_delete_exactly_the_owned_connections_no_row_names_in_one_bulk_call(
                TestDatabase.Kind db, @TempDir Path dir) throws Exception {
            // given: the sheet names keep-1, keep-2 and an INVALID row for kept-invalid
            Path input = Sheets.with(OwnedSetFixtures.HEADER)
                    .row("keep-1", "postgres", "Finance", "keep-1.example.com", "5432", "sales")
                    .row("keep-2", "postgres", "Finance", "keep-2.example.com", "5432", "sales")
                    .row("kept-invalid", "postgres", "Finance", "kept-invalid.example.com", "54O2", "sales")
                    .write(dir.resolve("sheet.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                seed(tenant, "keep-1", "qcl:nightly");
                seed(tenant, "keep-2", "qcl:nightly");
                seed(tenant, "kept-invalid", "qcl:nightly");
                StoredConnection gone1 = seed(tenant, "gone-1", "qcl:nightly");
                StoredConnection gone2 = seed(tenant, "gone-2", "qcl:nightly", "finance");
                seed(tenant, "untagged");
                seed(tenant, "other-set", "qcl:weekly");

                // when
                Qcl.Outcome outcome = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly", "--prune");

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
                assertThat(names(tenant))
                        .containsExactlyInAnyOrder("keep-1", "keep-2", "kept-invalid", "untagged", "other-set");
                assertThat(bulkDeletes(tenant)).containsExactly(List.of(gone1.id(), gone2.id()));
                assertThat(requests(tenant, "DELETE", "/api/v1/data-connections"))
                        .isEmpty();
                List<ResultsTable.Row> rows = tenant.results();
                assertThat(rows)
                        .filteredOn(r -> r.row() < 0)
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status, ResultsTable.Row::connectionId)
                        .containsExactlyInAnyOrder(
                                tuple("gone-1", "DELETED", gone1.id()), tuple("gone-2", "DELETED", gone2.id()));
                assertThat(rows)
                        .filteredOn(r -> r.row() > 0)
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("SKIPPED", "SKIPPED", "INVALID");
                assertThat(summary(tenant, 1).get("counts").get("DELETED").asLong())
                        .isEqualTo(2);
                assertThat(summary(tenant, 1).get("rows").asLong()).isEqualTo(3);
                List<String> csv = Files.readAllLines(tenant.home().resolve("reports/run-1/results.csv"));
                assertThat(csv)
                        .filteredOn(line -> line.contains("DELETED"))
                        .hasSize(2)
                        .allMatch(line -> line.startsWith(",gone-"));
                assertThat(Files.readAllLines(tenant.home().resolve("reports/run-1/failed.csv")))
                        .hasSize(2)
                        .noneMatch(line -> line.contains("gone-"));
                assertThat(Files.readString(tenant.home().resolve("reports/run-1/report.html")))
                        .contains("gone-1", "DELETED");
                assertThat(outcome.lastLine()).contains("2 DELETED");
                Qcl.Outcome status = tenant.qcl("status", "--run", "1");
                assertThat(status.out()).containsPattern("DELETED +2");
            }
        }

        @Test
        void should_delete_one_by_one_when_the_identity_may_not_use_the_bulk_action(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "keep-1");
            try (TestTenant tenant = TestTenant.start(dir)) {
                // given: an identity without the admin role
                tenant.sandbox().setAdmin(false);
                seed(tenant, "keep-1", "qcl:nightly");
                StoredConnection gone1 = seed(tenant, "gone-1", "qcl:nightly");
                StoredConnection gone2 = seed(tenant, "gone-2", "qcl:nightly");

                // when
                Qcl.Outcome outcome =
                        tenant.qclUnpaced("run", "--input", input.toString(), "--own", "nightly", "--prune");

                // then
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(names(tenant)).containsExactly("keep-1");
                assertThat(bulkDeletes(tenant)).hasSize(1);
                assertThat(requests(tenant, "DELETE", "/api/v1/data-connections"))
                        .extracting(r -> r.getUrl().substring(r.getUrl().lastIndexOf('/') + 1))
                        .containsExactlyInAnyOrder(gone1.id(), gone2.id());
                assertThat(tenant.results())
                        .filteredOn(r -> r.row() < 0)
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::http)
                        .containsOnly(tuple("DELETED", 204));
            }
        }

        @Test
        void should_refuse_more_deletions_than_the_cap_before_sending_anything(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "keep-1", "new-1");
            try (TestTenant tenant = TestTenant.start(dir)) {
                // given: three owned connections the sheet no longer names
                seed(tenant, "keep-1", "qcl:nightly");
                for (String name : List.of("gone-1", "gone-2", "gone-3")) {
                    seed(tenant, name, "qcl:nightly");
                }

                // when
                Qcl.Outcome outcome = tenant.qclUnpaced(
                        "run",
                        "--input",
                        input.toString(),
                        "--on-existing",
                        "update",
                        "--own",
                        "nightly",
                        "--prune",
                        "--max-deletes",
                        "2");

                // then
                assertThat(outcome.exitCode()).isEqualTo(2);
                assertThat(outcome.err()).contains("would delete 3 connections of set nightly", "--max-deletes 2");
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(names(tenant)).hasSize(4).doesNotContain("new-1");
            }
        }

        @Test
        void should_plan_deletions_in_validate_without_deleting(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "keep-1");
            try (TestTenant tenant = TestTenant.start(dir)) {
                seed(tenant, "keep-1", "qcl:nightly");
                seed(tenant, "gone-1", "qcl:nightly");

                Qcl.Outcome outcome =
                        tenant.qclUnpaced("validate", "--input", input.toString(), "--own", "nightly", "--prune");

                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(tenant.sandbox().writeRequests()).isZero();
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::qName, ResultsTable.Row::status)
                        .containsExactly(tuple("gone-1", "DELETE"), tuple("keep-1", "SKIP"));
                assertThat(outcome.out()).contains("1 to delete");
            }
        }

        @Test
        void should_refuse_prune_without_a_set_and_a_bad_set_name(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "keep-1");
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome noSet = tenant.qcl("run", "--input", input.toString(), "--prune");
                Qcl.Outcome badSet = tenant.qcl("run", "--input", input.toString(), "--own", "night ly");
                Qcl.Outcome longSet = tenant.qcl("diff", "--input", input.toString(), "--own", "x".repeat(41));

                assertThat(noSet.exitCode()).isEqualTo(2);
                assertThat(noSet.err()).contains("--prune needs --own SET");
                assertThat(badSet.exitCode()).isEqualTo(2);
                assertThat(badSet.err()).contains("'night ly'");
                assertThat(longSet.exitCode()).isEqualTo(2);
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }
    }

    @Nested
    class Rerun {
        @Test
        void should_tag_what_a_rerun_creates_with_the_runs_set_and_prune_nothing(@TempDir Path dir) throws Exception {
            // given: a nightly run with --own and --prune whose row "late" was INVALID (port 54O2)
            Path input = Sheets.with(OwnedSetFixtures.HEADER)
                    .row("keep-1", "postgres", "Finance", "keep-1.example.com", "5432", "sales")
                    .row("late", "postgres", "Finance", "late.example.com", "54O2", "sales")
                    .write(dir.resolve("sheet.csv"));
            Path corrected = Sheets.with(OwnedSetFixtures.HEADER)
                    .row("keep-1", "postgres", "Finance", "keep-1.example.com", "5432", "sales")
                    .row("late", "postgres", "Finance", "late.example.com", "5432", "sales")
                    .write(dir.resolve("corrected.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                seed(tenant, "keep-1", "qcl:nightly");
                seed(tenant, "gone-1", "qcl:nightly");
                Qcl.Outcome nightly = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly", "--prune");
                assertThat(nightly.exitCode()).as(nightly.err()).isEqualTo(1);
                assertThat(names(tenant)).containsExactlyInAnyOrder("keep-1");
                // every request of the run is in its summary, the prune's bulk delete too
                assertThat(summary(tenant, 1).get("http").get("requests").asLong())
                        .isEqualTo(OwnedSetFixtures.journal(tenant).size());

                // when: its failed row again, from a corrected copy
                Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed", "--input", corrected.toString());

                // then: "late" belongs to the set; keep-1, which the rerun's rows do not name, is not pruned
                assertThat(rerun.exitCode()).as(rerun.err()).isZero();
                assertThat(names(tenant)).containsExactlyInAnyOrder("keep-1", "late");
                assertThat(stored(tenant, "late").tags()).contains("qcl:nightly");
                assertThat(bulkDeletes(tenant)).hasSize(1);
                assertThat(tenant.results())
                        .filteredOn(r -> r.qName().equals("late"))
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("INVALID", "CREATED");
            }
        }
    }

    @Nested
    class Diff {
        @Test
        void should_exit_4_naming_connection_and_property_after_an_edit_and_send_nothing(@TempDir Path dir)
                throws Exception {
            Path input = sheet(dir.resolve("sheet.csv"), "pg-1", "pg-2");
            try (TestTenant tenant = TestTenant.start(dir)) {
                // given: the sheet applied, then pg-2's port changed by hand, an owned connection left over
                Qcl.Outcome apply = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly");
                assertThat(apply.exitCode()).as(apply.err()).isZero();
                Qcl.Outcome clean = tenant.qcl("diff", "--input", input.toString(), "--own", "nightly", "--prune");
                editThroughTheApi(tenant, stored(tenant, "pg-2").id(), "port", 5999);
                StoredConnection leftOver = seed(tenant, "pg-old", "qcl:nightly");
                int journalBefore = OwnedSetFixtures.journal(tenant).size();
                long writesBefore = tenant.sandbox().writeRequests();

                // when
                Qcl.Outcome diff = tenant.qcl("diff", "--input", input.toString(), "--own", "nightly", "--prune");

                // then
                assertThat(clean.exitCode()).as(clean.err()).isZero();
                assertThat(clean.out()).contains("Diff: 0 to create, 0 to update, 0 to delete");
                assertThat(diff.exitCode()).as(diff.err()).isEqualTo(4);
                assertThat(diff.out())
                        .containsPattern("~ update +row 3 +pg-2 .*: changed: port")
                        .contains("- delete  pg-old (space ", leftOver.id());
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(writesBefore);
                List<com.github.tomakehurst.wiremock.verification.LoggedRequest> journal =
                        OwnedSetFixtures.journal(tenant);
                assertThat(journal.subList(journalBefore, journal.size()))
                        .isNotEmpty()
                        .allMatch(r -> r.getMethod().getName().equals("GET"));
                assertThat(((Number) stored(tenant, "pg-2").properties().get("port")).intValue())
                        .isEqualTo(5999);
                long diffRun = ResultsTable.read(tenant.database()).stream()
                        .mapToLong(ResultsTable.Row::runId)
                        .max()
                        .orElseThrow();
                assertThat(summary(tenant, diffRun).get("counts").get("UPDATE").asLong())
                        .isEqualTo(1);
                assertThat(summary(tenant, diffRun).get("counts").get("DELETE").asLong())
                        .isEqualTo(1);
                assertThat(Files.readString(tenant.home().resolve("reports/run-" + diffRun + "/results.csv")))
                        .contains("pg-2", "UPDATE", "changed: port");
                assertThat(Files.readString(tenant.home().resolve("reports/run-" + diffRun + "/report.html")))
                        .contains("changed: port", "pg-old");
            }
        }

        @Test
        void should_exit_0_after_apply_and_1_when_rows_are_invalid(@TempDir Path dir) {
            Path input = sheet(dir.resolve("sheet.csv"), "pg-1", "pg-2");
            Path broken = Sheets.with(OwnedSetFixtures.HEADER)
                    .row("pg-1", "postgres", "Finance", "pg-1.example.com", "not-a-port", "sales")
                    .write(dir.resolve("broken.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome before = tenant.qcl("diff", "--input", input.toString(), "--own", "nightly");
                Qcl.Outcome apply = tenant.qclUnpaced(
                        "run", "--input", input.toString(), "--on-existing", "update", "--own", "nightly");
                Qcl.Outcome after = tenant.qcl("diff", "--input", input.toString(), "--own", "nightly");
                Qcl.Outcome invalid = tenant.qcl("diff", "--input", broken.toString(), "--own", "nightly");

                assertThat(before.exitCode()).as(before.err()).isEqualTo(4);
                assertThat(before.out()).contains("+ create  row 2  pg-1", "+ create  row 3  pg-2");
                assertThat(apply.exitCode()).as(apply.err()).isZero();
                assertThat(after.exitCode()).as(after.err()).isZero();
                assertThat(invalid.exitCode()).isEqualTo(1);
                assertThat(invalid.out()).contains("! invalid row 2  pg-1");
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(2);
            }
        }
    }

    private static void editThroughTheApiQuietly(TestTenant tenant, String id, String property, Object value) {
        try {
            editThroughTheApi(tenant, id, property, value);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

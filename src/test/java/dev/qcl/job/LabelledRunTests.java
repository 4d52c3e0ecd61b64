package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --run-label}: a label names a series of runs (a nightly job). An unfinished run of the
 * series over the same sheet is continued; otherwise every call is a new run that checks the tenant
 * again, and its exit code is its own.
 */
class LabelledRunTests {
    static Path sheet(Path file, int rows) {
        return RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "nightly", rows, "Finance")
                .write(file);
    }

    static Qcl.Outcome nightly(TestTenant tenant, Path input, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = "--input";
        args[2] = input.toString();
        args[3] = "--run-label=nightly";
        System.arraycopy(more, 0, args, 4, more.length);
        return tenant.qclUnpaced(args);
    }

    @Nested
    class AfterACompletedRun {
        @OnEachDatabase
        void should_start_a_new_run_that_checks_the_tenant_again_when_the_sheet_is_unchanged(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = sheet(dir.resolve("sheet.csv"), 5);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Qcl.Outcome first = nightly(tenant, input);
                assertThat(first.exitCode()).as(first.err()).isZero();
                long listingsBefore = tenant.sandbox().server().getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getMethod().getName().equals("GET")
                                && e.getRequest().getUrl().startsWith("/api/v1/data-connections"))
                        .count();

                // when: the next night, same sheet
                Qcl.Outcome second = nightly(tenant, input);

                // then: a run of its own, which looked at the tenant again
                assertThat(second.exitCode()).as(second.err()).isZero();
                assertThat(second.out()).doesNotContain("continued").doesNotContain("nothing to do");
                assertThat(second.lastLine()).startsWith("Run 2 COMPLETED").contains("0 CREATED, 0 UPDATED, 5 SKIPPED");
                assertThat(ResultsTable.ofRun(tenant.database(), 1))
                        .extracting(ResultsTable.Row::status)
                        .hasSize(5)
                        .containsOnly("CREATED");
                assertThat(ResultsTable.ofRun(tenant.database(), 2))
                        .extracting(ResultsTable.Row::status)
                        .hasSize(5)
                        .containsOnly("SKIPPED");
                assertThat(tenant.sandbox().server().getAllServeEvents().stream()
                                .filter(e ->
                                        e.getRequest().getMethod().getName().equals("GET")
                                                && e.getRequest().getUrl().startsWith("/api/v1/data-connections"))
                                .count())
                        .isGreaterThan(listingsBefore);
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(5);
            }
        }

        @OnEachDatabase
        void should_exit_1_again_when_the_rows_that_failed_last_night_still_fail(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given: one row with a port that is not a number
            Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "nightly", 2, "Finance")
                    .row("nightly-bad", "postgres", "Finance", "db.example.com", "not-a-port", "sales")
                    .write(dir.resolve("sheet.csv"));
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Qcl.Outcome first = nightly(tenant, input);
                assertThat(first.exitCode()).as(first.err()).isEqualTo(1);

                // when
                Qcl.Outcome second = nightly(tenant, input);

                // then
                assertThat(second.exitCode()).as(second.err()).isEqualTo(1);
                assertThat(second.lastLine())
                        .startsWith("Run 2 COMPLETED")
                        .contains("0 CREATED, 0 UPDATED, 2 SKIPPED, 1 INVALID, 0 FAILED");
                assertThat(ResultsTable.ofRun(tenant.database(), 2))
                        .extracting(ResultsTable.Row::status)
                        .containsExactly("SKIPPED", "SKIPPED", "INVALID");
            }
        }
    }

    @Nested
    class AfterAnUnfinishedRun {
        @OnEachDatabase
        void should_continue_the_same_run_when_the_sheet_is_unchanged(TestDatabase.Kind db, @TempDir Path dir)
                throws IOException, SQLException {
            // given: the first attempt fails on a wrong key
            Path input = sheet(dir.resolve("sheet.csv"), 3);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Files.writeString(tenant.keyFile(), "wrong-key");
                Qcl.Outcome failed = nightly(tenant, input);
                assertThat(failed.exitCode()).isEqualTo(3);
                Files.writeString(tenant.keyFile(), tenant.sandbox().apiKey());

                // when
                Qcl.Outcome again = nightly(tenant, input);

                // then
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(again.out())
                        .contains("Run 1 (nightly) had not completed and its input is unchanged; it was continued.");
                assertThat(again.lastLine()).startsWith("Run 1 COMPLETED").contains("3 CREATED");
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::runId)
                        .containsOnly(1L)
                        .hasSize(3);
                assertThat(RestartTests.AfterTheProcessDied.executionStatuses(tenant.database()))
                        .containsExactly("FAILED", "COMPLETED");
            }
        }

        @OnEachDatabase
        void should_start_a_new_run_and_leave_the_unfinished_one_restartable_when_the_sheet_changed(
                TestDatabase.Kind db, @TempDir Path dir) throws IOException {
            // given
            Path input = sheet(dir.resolve("sheet.csv"), 3);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Files.writeString(tenant.keyFile(), "wrong-key");
                assertThat(nightly(tenant, input).exitCode()).isEqualTo(3);
                Files.writeString(tenant.keyFile(), tenant.sandbox().apiKey());
                sheet(input, 4);

                // when
                Qcl.Outcome next = nightly(tenant, input);

                // then
                assertThat(next.exitCode()).as(next.err()).isZero();
                assertThat(next.out()).doesNotContain("continued");
                assertThat(next.lastLine()).startsWith("Run 2 COMPLETED").contains("4 CREATED");
                assertThat(tenant.qcl("status").out()).containsPattern("(?m)^1\\s+FAILED\\s+nightly");
            }
        }

        @Test
        void should_not_let_a_validate_of_the_same_label_continue_an_unfinished_run(@TempDir Path dir)
                throws IOException {
            // given
            Path input = sheet(dir.resolve("sheet.csv"), 3);
            try (TestTenant tenant = TestTenant.start(dir)) {
                Files.writeString(tenant.keyFile(), "wrong-key");
                assertThat(nightly(tenant, input).exitCode()).isEqualTo(3);
                Files.writeString(tenant.keyFile(), tenant.sandbox().apiKey());

                // when
                Qcl.Outcome validate =
                        tenant.qclUnpaced("validate", "--input", input.toString(), "--run-label=nightly");

                // then
                assertThat(validate.exitCode()).as(validate.err()).isZero();
                assertThat(validate.lastLine())
                        .startsWith("Run 2 (validate) COMPLETED")
                        .contains("3 CREATE");
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }
    }

    @Nested
    class ChangedContent {
        @OnEachDatabase
        void should_start_a_new_run_when_the_labelled_sheet_changed(TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = sheet(dir.resolve("sheet.csv"), 3);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                assertThat(nightly(tenant, input).exitCode()).isZero();
                sheet(input, 4);

                // when
                Qcl.Outcome next = nightly(tenant, input);

                // then
                assertThat(next.exitCode()).as(next.err()).isZero();
                assertThat(next.lastLine())
                        .startsWith("Run 2 COMPLETED")
                        .contains("1 CREATED")
                        .contains("3 SKIPPED");
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("nightly-1", "nightly-2", "nightly-3", "nightly-4");
                assertThat(ResultsTable.ofRun(tenant.database(), 2)).hasSize(4);
            }
        }
    }
}

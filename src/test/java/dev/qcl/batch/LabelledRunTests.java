package dev.qcl.batch;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --run-label}: the same label over the same content is the same run, as a nightly schedule needs. */
class LabelledRunTests {
    static Path sheet(Path file, int rows) {
        return RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "nightly", rows, "Finance").write(file);
    }

    @Nested
    class SameContent {
        @OnEachDatabase
        void should_say_already_completed_and_write_nothing_when_the_label_ran_this_content(
                TestDatabase.Kind db, @TempDir Path dir) {
            // given
            Path input = sheet(dir.resolve("sheet.csv"), 5);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Qcl.Outcome first = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly");
                assertThat(first.exitCode()).as(first.err()).isZero();
                long writes = tenant.sandbox().writeRequests();
                int results = tenant.results().size();

                // when
                Qcl.Outcome second = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly");

                // then
                assertThat(second.exitCode()).as(second.err()).isZero();
                assertThat(second.out()).contains("Run 1 (nightly) already completed for this input; nothing to do.");
                assertThat(second.lastLine()).startsWith("Run 1 COMPLETED").contains("5 CREATED");
                assertThat(tenant.sandbox().writeRequests()).isEqualTo(writes).isEqualTo(5);
                assertThat(tenant.results()).hasSize(results);
            }
        }

        @OnEachDatabase
        void should_continue_the_same_run_when_the_labelled_run_did_not_complete(TestDatabase.Kind db, @TempDir Path dir)
                throws IOException {
            // given: the first attempt fails on a wrong key
            Path input = sheet(dir.resolve("sheet.csv"), 3);
            try (TestTenant tenant = TestTenant.start(dir, db)) {
                Files.writeString(tenant.keyFile(), "wrong-key");
                Qcl.Outcome failed = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly");
                assertThat(failed.exitCode()).isEqualTo(3);
                Files.writeString(tenant.keyFile(), tenant.sandbox().apiKey());

                // when
                Qcl.Outcome again = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly");

                // then
                assertThat(again.exitCode()).as(again.err()).isZero();
                assertThat(again.lastLine()).startsWith("Run 1 COMPLETED").contains("3 CREATED");
                assertThat(tenant.results()).extracting(ResultsTable.Row::runId).containsOnly(1L).hasSize(3);
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
                assertThat(tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly").exitCode())
                        .isZero();
                sheet(input, 4);

                // when
                Qcl.Outcome next = tenant.qclUnpaced("run", "--input", input.toString(), "--run-label", "nightly");

                // then
                assertThat(next.exitCode()).as(next.err()).isZero();
                assertThat(next.out()).doesNotContain("already completed");
                assertThat(next.lastLine()).startsWith("Run 2 COMPLETED").contains("1 CREATED").contains("3 SKIPPED");
                assertThat(tenant.sandbox().connections()).extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("nightly-1", "nightly-2", "nightly-3", "nightly-4");
                assertThat(ResultsTable.ofRun(tenant.database(), 2)).hasSize(4);
            }
        }
    }
}

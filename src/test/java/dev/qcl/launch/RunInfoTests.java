package dev.qcl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.batch.core.BatchStatus;

/** A run as the history and the reports show it. */
class RunInfoTests {
    static RunInfo run(String status, Map<RowStatus, Long> counts) {
        return new RunInfo(
                1,
                "nightly",
                "/data/in.csv",
                "abc",
                false,
                OnExisting.SKIP,
                null,
                status,
                "",
                Instant.EPOCH,
                Instant.EPOCH,
                0,
                1,
                1,
                new RunInfo.HttpTotals(0, 0, 0, 0),
                counts);
    }

    @Nested
    class Counts {
        final RunInfo pruned = run(
                "COMPLETED",
                Map.of(
                        RowStatus.CREATED, 3L,
                        RowStatus.FAILED, 2L,
                        RowStatus.SKIP, 1L,
                        RowStatus.DELETED, 4L,
                        RowStatus.DELETE, 5L));

        @Test
        void should_count_input_rows_without_the_deletions_of_a_prune() {
            assertThat(pruned.rows()).isEqualTo(6);
        }

        @Test
        void should_count_deletions_done_and_planned() {
            assertThat(pruned.deletions()).isEqualTo(9);
        }

        @Test
        void should_count_zero_for_a_status_the_run_has_none_of() {
            assertThat(pruned.count(RowStatus.UPDATED)).isZero();
            assertThat(pruned.count(RowStatus.FAILED)).isEqualTo(2);
        }
    }

    @Nested
    class Status {
        @Test
        void should_be_completed_only_when_its_status_is_completed() {
            assertThat(run("COMPLETED", Map.of()).completed()).isTrue();
            assertThat(run("STOPPED", Map.of()).completed()).isFalse();
        }

        @ParameterizedTest
        @CsvSource({
            "COMPLETED, COMPLETED",
            "STOPPED, STOPPED",
            "STOPPING, STOPPED",
            "STARTING, STARTED",
            "STARTED, STARTED",
            "FAILED, FAILED",
            "ABANDONED, FAILED",
            "UNKNOWN, FAILED"
        })
        void should_show_each_batch_status_as_one_of_four_when_the_history_describes_a_run(
                BatchStatus batch, String shown) {
            assertThat(RunHistory.statusOf(batch)).isEqualTo(shown);
        }
    }
}

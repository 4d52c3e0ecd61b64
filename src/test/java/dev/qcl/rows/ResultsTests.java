package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RunProgress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The result of a validated row and the progress counts it feeds. */
class ResultsTests {
    @Nested
    class ResultsAndProgress {
        @Test
        void should_copy_the_draft_into_the_result_of_a_row() {
            ConnectionDraft draft = new ConnectionDraft(5, "Sales", "rest", "s1", List.of(), Map.of());

            RowResult result = Results.of(draft, RowStatus.CREATED, "c1", 201, 2, "created");

            assertThat(result)
                    .isEqualTo(new RowResult(5, "Sales", "s1", "rest", RowStatus.CREATED, "c1", 201, 2, "created"));
        }

        @Test
        void should_store_missing_texts_of_a_result_as_empty() {
            RowResult result = new RowResult(2, null, null, null, RowStatus.INVALID, null, null, 0, null);

            assertThat(result).isEqualTo(new RowResult(2, "", "", "", RowStatus.INVALID, "", null, 0, ""));
        }

        @Test
        void should_count_results_by_status_and_in_all() {
            RunProgress progress = new RunProgress();
            progress.expect(10);
            progress.record(RowStatus.CREATED);
            progress.record(RowStatus.CREATED);
            progress.record(RowStatus.FAILED);

            assertThat(progress.totalRows()).isEqualTo(10);
            assertThat(progress.done()).isEqualTo(3);
            assertThat(progress.counts())
                    .containsExactly(Map.entry(RowStatus.CREATED, 2L), Map.entry(RowStatus.FAILED, 1L));
        }
    }
}

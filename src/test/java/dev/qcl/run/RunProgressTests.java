package dev.qcl.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.RowStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunProgressTests {
    @Test
    void should_count_each_result_once_by_status_when_rows_are_recorded() {
        // given
        RunProgress progress = new RunProgress();
        progress.expect(3);

        // when
        progress.record(RowStatus.CREATED);
        progress.record(RowStatus.CREATED);
        progress.record(RowStatus.INVALID);

        // then
        assertThat(progress.totalRows()).isEqualTo(3);
        assertThat(progress.done()).isEqualTo(3);
        assertThat(progress.counts()).isEqualTo(Map.of(RowStatus.CREATED, 2L, RowStatus.INVALID, 1L));
    }

    @Test
    void should_move_a_result_to_its_true_status_when_a_restart_settles_an_unanswered_update() {
        // given: the comparison after the restart found nothing to change
        RunProgress progress = new RunProgress();
        progress.record(RowStatus.SKIPPED);

        // when: the journal says this run's update went out before the interruption
        progress.recount(RowStatus.SKIPPED, RowStatus.UPDATED);

        // then
        assertThat(progress.done()).isEqualTo(1);
        assertThat(progress.counts()).isEqualTo(Map.of(RowStatus.UPDATED, 1L));
    }
}

package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.RowStatus;
import dev.qcl.run.RowSelection;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Which row actions write to the tenant, and which rows a run takes. */
class RowActionsTests {
    @Nested
    class Actions {
        @Test
        void should_send_a_write_only_to_create_or_update() {
            assertThat(Arrays.stream(RowDecisions.Action.values()).filter(RowDecisions.Action::writes))
                    .containsExactly(RowDecisions.Action.CREATE, RowDecisions.Action.UPDATE);
        }

        @Test
        void should_count_only_prune_deletions_done_or_planned_as_deletions() {
            assertThat(Arrays.stream(RowStatus.values()).filter(RowStatus::isDeletion))
                    .containsExactly(RowStatus.DELETED, RowStatus.DELETE);
        }

        @Test
        void should_keep_a_selection_that_needs_no_spaces_as_it_is_when_given_them() {
            assertThat(RowSelection.ALL.withSpaces(null)).isSameAs(RowSelection.ALL);
        }
    }
}

package dev.qcl.run.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** A dry run's results and what their decisions were based on, made into a plan. */
class PlanRecorderTests {
    static final RunParameters RUN = RunParameters.of(
                    Path.of("/data/sheet.csv"), "sha", null, OnExisting.UPDATE, true, null)
            .withOwnership(new Ownership("finance", true, 20));

    static Consumer<Consumer<RowResult>> results(RowResult... results) {
        return each -> List.of(results).forEach(each);
    }

    static RowResult result(int row, RowStatus status, String connectionId, String message) {
        return new RowResult(row, "q-" + row, "s1", "postgres", status, connectionId, null, 0, message);
    }

    @Test
    void should_give_each_row_and_deletion_its_action_and_the_target_its_decision_found() {
        // given
        PlanRecorder recorder = new PlanRecorder();
        recorder.start();
        recorder.found(2, null);
        recorder.found(3, new PlanTarget("c-3", "t1"));
        recorder.compared(3, new PlanTarget("c-3", "t2"), List.of("port"), true);
        recorder.deletion(new PlanTarget("c-9", "t9"));

        // when
        SavedPlan plan = recorder.plan(
                Instant.parse("2026-12-01T10:00:00Z"),
                "diff",
                4,
                "https://t",
                RUN,
                results(
                        result(2, RowStatus.CREATE, null, ""),
                        result(3, RowStatus.UPDATE, "c-3", "changed: port"),
                        result(4, RowStatus.INVALID, null, "port: not a number"),
                        result(-1, RowStatus.DELETE, "c-9", "tagged qcl:finance")));

        // then
        assertThat(plan.rows())
                .containsExactly(
                        new PlannedRow(2, "q-2", "s1", "postgres", RowStatus.CREATE, null, List.of(), false, ""),
                        new PlannedRow(
                                3,
                                "q-3",
                                "s1",
                                "postgres",
                                RowStatus.UPDATE,
                                new PlanTarget("c-3", "t2"),
                                List.of("port"),
                                true,
                                "changed: port"),
                        new PlannedRow(
                                4,
                                "q-4",
                                "s1",
                                "postgres",
                                RowStatus.INVALID,
                                null,
                                List.of(),
                                false,
                                "port: not a number"));
        assertThat(plan.deletions())
                .containsExactly(new PlannedDeletion(
                        "q--1", "s1", "postgres", RowStatus.DELETE, new PlanTarget("c-9", "t9"), "tagged qcl:finance"));
        assertThat(plan.options()).isEqualTo(new SavedPlan.Options("update", "finance", true, null, null));
        assertThat(plan.input()).isEqualTo(new SavedPlan.Input("/data/sheet.csv", "sha"));
        assertThat(plan.createdAt()).isEqualTo("2026-12-01T10:00:00Z");
    }

    @Test
    void should_note_nothing_until_started_and_refuse_to_make_a_plan_of_results_it_has_no_notes_of() {
        PlanRecorder recorder = new PlanRecorder();
        recorder.found(3, new PlanTarget("c-3", "t1"));
        recorder.deletion(new PlanTarget("c-9", "t9"));

        assertThat(recorder.recording()).isFalse();
        assertThatThrownBy(() -> recorder.plan(
                        Instant.EPOCH, "validate", 1, "https://t", RUN, results(result(3, RowStatus.SKIP, "c-3", ""))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("row 3");
        assertThatThrownBy(() -> recorder.plan(
                        Instant.EPOCH,
                        "validate",
                        1,
                        "https://t",
                        RUN,
                        results(result(-1, RowStatus.DELETE, "c-9", ""))))
                .isInstanceOf(IllegalStateException.class);
    }
}

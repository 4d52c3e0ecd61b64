package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowDecisions.Action;
import dev.qcl.rows.RowDecisions.Decision;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.PlannedRow;
import dev.qcl.run.plan.SavedPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The table of {@link PlannedDecisions}: a row of a run that applies a saved plan, decided without a tenant. */
class PlannedDecisionsTests {
    static final String AT = "2026-12-01T10:00:00.100Z";
    static final ConnectionDraft DRAFT = new ConnectionDraft(2, "pg-1", "postgres", "s1", List.of(), Map.of());
    static final Ownership OWNED = new Ownership("finance", false, 20);

    static PlannedDecisions decisions(PlannedRow... rows) {
        SavedPlan plan = new SavedPlan(
                SavedPlan.FORMAT,
                "2026-12-01T10:00:01Z",
                "validate",
                1,
                "https://t",
                new SavedPlan.Input("sheet.csv", "sha"),
                new SavedPlan.Options("update", "finance", false, Map.of(), null),
                List.of(rows),
                List.of());
        return new PlannedDecisions(plan, new RowDecisions(OnExisting.UPDATE, OWNED));
    }

    static PlannedRow planned(RowStatus action, PlanTarget target, String message) {
        return new PlannedRow(2, "pg-1", "s1", "postgres", action, target, List.of(), false, message);
    }

    static Optional<ExistingConnection> found(String id, String updated) {
        return Optional.of(new ExistingConnection(id, "pg-1", "postgres", "s1", List.of(), Map.of(), updated));
    }

    @Nested
    class BeforeComparing {
        @Test
        void should_keep_a_row_planned_invalid_invalid_with_the_plans_message_though_it_is_valid_now() {
            Decision decision = decisions(planned(RowStatus.INVALID, null, "port: not a number"))
                    .forValid(DRAFT, Optional.empty(), false);

            assertThat(decision).isEqualTo(new Decision(Action.INVALID, null, "port: not a number"));
        }

        @Test
        void should_fail_a_planned_failure_again_with_its_message_and_send_nothing() {
            PlanTarget target = new PlanTarget("c-1", AT);

            assertThat(decisions(planned(RowStatus.FAIL, target, "already exists"))
                            .forValid(DRAFT, found("c-1", AT), false))
                    .isEqualTo(new Decision(Action.FAIL, "c-1", "already exists"));
            assertThat(decisions(planned(RowStatus.FAIL, null, "HTTP 403 on the listing"))
                            .forValid(DRAFT, found("c-1", AT), false))
                    .isEqualTo(new Decision(Action.FAIL, null, "HTTP 403 on the listing"));
            assertThat(decisions(planned(RowStatus.FAIL, target, "already exists"))
                            .forValid(DRAFT, Optional.empty(), false)
                            .message())
                    .startsWith("changed since the plan: connection c-1 went away");
        }

        @Test
        void should_fail_a_row_that_now_resolves_to_another_space_or_that_the_plan_does_not_have() {
            PlannedRow elsewhere =
                    new PlannedRow(2, "pg-1", "s2", "postgres", RowStatus.CREATE, null, List.of(), false, "");

            Decision moved = decisions(elsewhere).forValid(DRAFT, Optional.empty(), false);
            Decision unknown = decisions().forValid(DRAFT, Optional.empty(), false);

            assertThat(moved.action()).isEqualTo(Action.FAIL);
            assertThat(moved.message())
                    .isEqualTo("changed since the plan: the row now names 'pg-1' in space s1, the plan has 'pg-1'"
                            + " in space s2; nothing was written. Make a new plan");
            assertThat(unknown.action()).isEqualTo(Action.FAIL);
            assertThat(unknown.message()).contains("the plan has no row 2");
        }

        @Test
        void should_compare_a_planned_update_only_while_its_connection_is_as_planned() {
            PlannedDecisions decisions = decisions(planned(RowStatus.UPDATE, new PlanTarget("c-1", AT), ""));

            assertThat(decisions.forValid(DRAFT, found("c-1", AT), false).action())
                    .isEqualTo(Action.COMPARE);
            assertThat(decisions
                            .forValid(DRAFT, found("c-1", "2026-12-02T00:00:00Z"), false)
                            .action())
                    .isEqualTo(Action.FAIL);
            // after an unanswered update of its own, the run compares, and only a match counts as done
            assertThat(decisions
                            .forValid(DRAFT, found("c-1", "2026-12-02T00:00:00Z"), true)
                            .action())
                    .isEqualTo(Action.COMPARE);
            assertThat(decisions.forValid(DRAFT, found("c-2", AT), true).action())
                    .isEqualTo(Action.FAIL);
        }
    }

    @Nested
    class AfterComparing {
        static final ExistingConnection CURRENT = found("c-1", AT).orElseThrow();

        static PlannedRow update(List<String> changes, boolean adopted) {
            return new PlannedRow(
                    2, "pg-1", "s1", "postgres", RowStatus.UPDATE, new PlanTarget("c-1", AT), changes, adopted, "");
        }

        @Test
        void should_update_when_the_same_properties_differ_as_planned_in_any_order() {
            Decision decision = decisions(update(List.of("port", "password"), true))
                    .afterComparing(DRAFT, CURRENT, List.of("password", "port"), true, false);

            assertThat(decision)
                    .isEqualTo(new Decision(Action.UPDATE, "c-1", "changed: password, port; adopted into qcl:finance"));
        }

        @Test
        void should_fail_when_an_update_would_now_change_more_less_or_adopt_otherwise() {
            PlannedDecisions decisions = decisions(update(List.of("port"), false));

            assertThat(decisions
                            .afterComparing(DRAFT, CURRENT, List.of("port", "host"), false, false)
                            .message())
                    .startsWith("changed since the plan: the update would now change port, host, the plan has port");
            assertThat(decisions
                            .afterComparing(DRAFT, CURRENT, List.of(), false, false)
                            .message())
                    .startsWith("changed since the plan: the update would now change nothing, the plan has port");
            assertThat(decisions
                            .afterComparing(DRAFT, CURRENT, List.of("port"), true, false)
                            .message())
                    .contains("port (and adopt it), the plan has port");
        }

        @Test
        void should_take_a_connection_that_matches_the_row_after_an_unanswered_update_as_unchanged() {
            ExistingConnection moved = found("c-1", "2026-12-02T00:00:00Z").orElseThrow();

            assertThat(decisions(update(List.of("port"), false)).afterComparing(DRAFT, moved, List.of(), false, true))
                    .isEqualTo(new Decision(Action.SKIP, "c-1", "unchanged"));
            assertThat(decisions(update(List.of("port"), false))
                            .afterComparing(DRAFT, moved, List.of("port"), false, true)
                            .action())
                    .isEqualTo(Action.FAIL);
        }
    }
}

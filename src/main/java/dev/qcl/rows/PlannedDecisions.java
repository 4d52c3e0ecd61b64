package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowDecisions.Action;
import dev.qcl.rows.RowDecisions.Decision;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.PlannedRow;
import dev.qcl.run.plan.SavedPlan;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Contract section 13 as one table: what a valid row does when the run applies a saved plan
 * ({@code run --plan}). The plan's action is carried out, and nothing else, while the row's target is
 * as the plan found it; a row whose target changed since (a connection appeared, went away or was
 * changed, or an update would now change other properties) is FAILED "changed since the plan".
 *
 * <pre>
 * planned | target now                          | decision
 * INVALID |  -                                  | INVALID with the plan's message (never sent)
 * CREATE  | absent                              | CREATE
 * SKIP    | as planned                          | SKIP with the plan's message
 * FAIL    | as planned (or none was looked at)  | FAIL with the plan's message
 * UPDATE  | as planned                          | COMPARE, then UPDATE when it changes what the plan says
 * any     | otherwise; or the row now resolves  | FAIL "changed since the plan: ..."
 *         | to another space than planned       |
 * </pre>
 */
final class PlannedDecisions {
    private final Map<Integer, PlannedRow> rows = new HashMap<>();
    private final RowDecisions live;

    PlannedDecisions(SavedPlan plan, RowDecisions live) {
        plan.rows().forEach(row -> rows.put(row.row(), row));
        this.live = live;
    }

    /** Whether the plan creates or updates the row. */
    boolean writes(int row) {
        PlannedRow planned = rows.get(row);
        return planned != null && (planned.action() == RowStatus.CREATE || planned.action() == RowStatus.UPDATE);
    }

    /**
     * @param settling the write journal says an update of this row went out before an interruption and
     *     was not answered: the connection may have changed by this run's own update
     */
    Decision forValid(ConnectionDraft draft, Optional<ExistingConnection> found, boolean settling) {
        PlannedRow planned = rows.get(draft.row());
        if (planned == null) {
            return changed(null, "the plan has no row " + draft.row());
        }
        String space = Objects.requireNonNullElse(draft.spaceId(), "");
        if (!planned.qName().equals(draft.qName()) || !planned.space().equals(space)) {
            return changed(
                    planned,
                    "the row now names '" + draft.qName() + "' in " + where(space) + ", the plan has '"
                            + planned.qName() + "' in " + where(planned.space()));
        }
        Optional<String> change = PlanTarget.change(planned.target(), found);
        return switch (planned.action()) {
            case INVALID -> new Decision(Action.INVALID, null, planned.message());
            case CREATE ->
                change.map(why -> changed(planned, why)).orElseGet(() -> new Decision(Action.CREATE, null, ""));
            case SKIP ->
                change.map(why -> changed(planned, why))
                        .orElseGet(
                                () -> new Decision(Action.SKIP, planned.target().id(), planned.message()));
            case FAIL ->
                planned.target() == null
                        ? new Decision(Action.FAIL, null, planned.message())
                        : change.map(why -> changed(planned, why))
                                .orElseGet(() -> new Decision(
                                        Action.FAIL, planned.target().id(), planned.message()));
            case UPDATE ->
                change.isEmpty() || (settling && sameConnection(planned, found))
                        ? new Decision(Action.COMPARE, planned.target().id(), "")
                        : changed(planned, change.get());
            default -> throw new IllegalStateException("not a planned action: " + planned.action());
        };
    }

    /**
     * A planned update, once the row is compared with the connection as read for it: the update goes out
     * only when the connection is still the planned one and differs in what the plan says. When settling
     * an unanswered update, a connection that now matches the row is SKIP "unchanged": the update landed.
     */
    Decision afterComparing(
            ConnectionDraft draft,
            ExistingConnection current,
            List<String> changes,
            boolean adopted,
            boolean settling) {
        PlannedRow planned = rows.get(draft.row());
        if (settling && changes.isEmpty() && !adopted) {
            return new Decision(Action.SKIP, current.id(), "unchanged");
        }
        Optional<String> change = PlanTarget.change(planned.target(), Optional.of(current));
        if (change.isPresent()) {
            return changed(planned, change.get());
        }
        if (!new TreeSet<>(changes).equals(new TreeSet<>(planned.changes())) || adopted != planned.adopted()) {
            return changed(
                    planned,
                    "the update would now change " + describe(changes, adopted) + ", the plan has "
                            + describe(planned.changes(), planned.adopted()));
        }
        return live.afterComparing(current.id(), changes, adopted);
    }

    private static boolean sameConnection(PlannedRow planned, Optional<ExistingConnection> found) {
        return found.isPresent() && found.get().id().equals(planned.target().id());
    }

    private static Decision changed(PlannedRow planned, String why) {
        String id = planned == null || planned.target() == null
                ? null
                : planned.target().id();
        return new Decision(Action.FAIL, id, PlanTarget.CHANGED + why + "; nothing was written. Make a new plan");
    }

    private static String describe(List<String> changes, boolean adopted) {
        String text = changes.isEmpty() ? "nothing" : String.join(", ", changes);
        return adopted ? text + " (and adopt it)" : text;
    }

    private static String where(String space) {
        return space.isEmpty() ? "the personal space" : "space " + space;
    }
}

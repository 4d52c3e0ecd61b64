package dev.qcl.run.plan;

import dev.qcl.results.RowStatus;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One input row of a saved plan: what the run is to do with it and what that was based on.
 *
 * @param space the space ID the row resolved to (empty: the personal space)
 * @param action CREATE, UPDATE, SKIP, FAIL or INVALID
 * @param target the connection the action was based on; null: there was none (or, for FAIL and
 *     INVALID, none was looked at)
 * @param changes for UPDATE, the properties (and {@code tags}) that differ; a secret only by its name
 * @param adopted for UPDATE, whether the row adopts the connection into the owned set
 */
public record PlannedRow(
        int row,
        String qName,
        String space,
        String dataSourceId,
        RowStatus action,
        PlanTarget target,
        List<String> changes,
        boolean adopted,
        String message) {
    static final Set<RowStatus> ACTIONS =
            Set.of(RowStatus.CREATE, RowStatus.UPDATE, RowStatus.SKIP, RowStatus.FAIL, RowStatus.INVALID);

    public PlannedRow {
        Objects.requireNonNull(action, "action");
        qName = Objects.requireNonNullElse(qName, "");
        space = Objects.requireNonNullElse(space, "");
        dataSourceId = Objects.requireNonNullElse(dataSourceId, "");
        changes = changes == null ? List.of() : List.copyOf(changes);
        message = Objects.requireNonNullElse(message, "");
    }
}

package dev.qcl.run.plan;

import dev.qcl.results.RowStatus;
import java.util.Objects;

/**
 * A connection the saved plan deletes ({@code --prune}): a connection of the owned set that no row names.
 *
 * @param action always DELETE
 * @param target the connection, as it was when the plan was made
 */
public record PlannedDeletion(
        String qName, String space, String dataSourceId, RowStatus action, PlanTarget target, String message) {
    public PlannedDeletion {
        Objects.requireNonNull(target, "target");
        action = Objects.requireNonNullElse(action, RowStatus.DELETE);
        qName = Objects.requireNonNullElse(qName, "");
        space = Objects.requireNonNullElse(space, "");
        dataSourceId = Objects.requireNonNullElse(dataSourceId, "");
        message = Objects.requireNonNullElse(message, "");
    }
}

package dev.qcl.rows;

import dev.qcl.connector.RowCheck;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import java.util.List;
import java.util.Optional;

/**
 * Contract section 5 as one table: what a run does with a row, from whether the row is valid, whether a
 * connection of its name exists in its space, {@code --on-existing}, the owned set and, in update
 * mode, what differs. It only decides; {@link RowProcessor} carries the decision out, and a dry run
 * records it as the planned action.
 *
 * <pre>
 * valid | exists | --on-existing | owned by SET | decision
 * no    |   -    |      -        |      -       | INVALID (the violations)
 * yes   | no     |      -        |      -       | CREATE
 * yes   | yes    | skip          | no (--own)   | SKIP "not owned by SET"
 * yes   | yes    | skip          | yes or -     | SKIP "exists in the space"
 * yes   | yes    | fail          |      -       | FAIL "already exists"
 * yes   | yes    | update        |      -       | COMPARE, then UPDATE "changed: ..." or SKIP "unchanged"
 * </pre>
 */
final class RowDecisions {
    /** What to do with a row; {@code COMPARE} means: read the connection and decide by what differs. */
    enum Action {
        INVALID,
        CREATE,
        COMPARE,
        UPDATE,
        SKIP,
        FAIL;

        /** The status a row gets: the outcome in a run, the planned action in a dry run. */
        RowStatus status(boolean dryRun) {
            return switch (this) {
                case INVALID -> RowStatus.INVALID;
                case CREATE -> dryRun ? RowStatus.CREATE : RowStatus.CREATED;
                case UPDATE -> dryRun ? RowStatus.UPDATE : RowStatus.UPDATED;
                case SKIP -> dryRun ? RowStatus.SKIP : RowStatus.SKIPPED;
                case FAIL -> dryRun ? RowStatus.FAIL : RowStatus.FAILED;
                case COMPARE -> throw new IllegalStateException("a comparison is not an outcome");
            };
        }

        /** Whether carrying it out sends a write (a dry run sends none). */
        boolean writes() {
            return this == CREATE || this == UPDATE;
        }
    }

    /** A decision with the message its result carries and the existing connection's ID, if any. */
    record Decision(Action action, String connectionId, String message) {}

    private final OnExisting onExisting;
    private final Ownership owned;

    RowDecisions(OnExisting onExisting, Ownership owned) {
        this.onExisting = onExisting;
        this.owned = owned;
    }

    Decision forInvalid(RowCheck.Invalid invalid) {
        return new Decision(Action.INVALID, null, invalid.message());
    }

    /** Section 5, steps 2 and 3, for a valid row. */
    Decision forValid(String qName, Optional<ExistingConnection> found) {
        if (found.isEmpty()) {
            return new Decision(Action.CREATE, null, "");
        }
        ExistingConnection existing = found.get();
        return switch (onExisting) {
            case SKIP ->
                owned.owns() && !owned.isOwned(existing)
                        ? new Decision(
                                Action.SKIP,
                                existing.id(),
                                "not owned by " + owned.set() + " (no tag " + owned.tag()
                                        + "); adopt it with --on-existing update")
                        : new Decision(Action.SKIP, existing.id(), "exists in the space (--on-existing skip)");
            case FAIL ->
                new Decision(
                        Action.FAIL,
                        existing.id(),
                        "a connection named '" + qName
                                + "' already exists in the space; use --on-existing skip or update");
            case UPDATE -> new Decision(Action.COMPARE, existing.id(), "");
        };
    }

    /** Update mode, once the row is compared with the connection: update what differs, or skip it unchanged. */
    Decision afterComparing(String connectionId, List<String> changed, boolean adopted) {
        if (changed.isEmpty() && !adopted) {
            return new Decision(Action.SKIP, connectionId, "unchanged");
        }
        String message = changed.isEmpty() ? "" : "changed: " + String.join(", ", changed);
        if (adopted) {
            message = (message.isEmpty() ? "" : message + "; ") + "adopted into " + owned.tag();
        }
        return new Decision(Action.UPDATE, connectionId, message);
    }
}

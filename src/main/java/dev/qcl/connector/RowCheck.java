package dev.qcl.connector;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of validating one input row: a draft ready to send, the rules it breaks, or a read that failed. */
public sealed interface RowCheck {
    /** At most this many violations are spelled out in a message; the rest are counted. */
    int SHOWN_VIOLATIONS = 20;

    /** The row's number in the input file. */
    int row();

    /** A row that can be sent. */
    record Valid(ConnectionDraft draft) implements RowCheck {
        public Valid {
            Objects.requireNonNull(draft, "draft");
        }

        @Override
        public int row() {
            return draft.row();
        }
    }

    /**
     * A row that must not be sent.
     *
     * @param qName the qName cell, stripped ("" when empty)
     * @param space the space ID cell, or else the spaceName cell ("" when neither is set), as written
     */
    record Invalid(int row, String qName, String dataSourceId, String space, List<Violation> violations)
            implements RowCheck {
        public Invalid {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("an invalid row needs at least one violation");
            }
        }

        /** The first {@link #SHOWN_VIOLATIONS} violations joined with "; ", then how many more there are. */
        public String message() {
            String shown = violations.stream()
                    .limit(SHOWN_VIOLATIONS)
                    .map(Violation::message)
                    .collect(Collectors.joining("; "));
            int more = violations.size() - SHOWN_VIOLATIONS;
            return more > 0 ? shown + "; and " + more + " more" : shown;
        }
    }

    /**
     * A row that could not be validated because the tenant refused a read it needs (its connector's
     * api-specs, its space): it is FAILED with the tenant's status, not INVALID, since the sheet may be right.
     *
     * @param space as for {@link Invalid}
     * @param httpStatus the tenant's last status, 0 when none came
     */
    record ReadFailed(
            int row, String qName, String dataSourceId, String space, int httpStatus, int attempts, String message)
            implements RowCheck {
        public ReadFailed {
            Objects.requireNonNull(message, "message");
        }
    }
}

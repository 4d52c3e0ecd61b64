package dev.qcl.spec;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** The outcome of validating one input row: a draft ready to send, or the rules it breaks. */
public sealed interface RowCheck {
    /** A row that can be sent. */
    record Valid(ConnectionDraft draft) implements RowCheck {
        public Valid {
            Objects.requireNonNull(draft, "draft");
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

        /** All violations, joined with "; ". */
        public String message() {
            return violations.stream().map(Violation::message).collect(Collectors.joining("; "));
        }
    }
}

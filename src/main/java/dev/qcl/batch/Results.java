package dev.qcl.batch;

import dev.qcl.spec.ConnectionDraft;

/** Builds the result of a validated row. */
final class Results {
    private Results() {}

    static RowResult of(
            ConnectionDraft draft,
            RowStatus status,
            String connectionId,
            Integer httpStatus,
            int attempts,
            String message) {
        return new RowResult(
                draft.row(),
                draft.qName(),
                draft.spaceId(),
                draft.dataSourceId(),
                status,
                connectionId,
                httpStatus,
                attempts,
                message);
    }
}

package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;

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

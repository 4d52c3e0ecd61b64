package dev.qcl.batch;

import java.util.Objects;

/**
 * What happened to one input row in one run: one of these per row, stored with the chunk that
 * processed it. Messages never hold secret values.
 *
 * @param space the resolved space ID, or the cell as written when it could not be resolved;
 *     empty for the personal space
 * @param httpStatus the tenant's last answer, or null when nothing was sent
 */
public record RowResult(
        int row,
        String qName,
        String space,
        String dataSourceId,
        RowStatus status,
        String connectionId,
        Integer httpStatus,
        int attempts,
        String message) {

    public RowResult {
        Objects.requireNonNull(status, "status");
        qName = Objects.requireNonNullElse(qName, "");
        space = Objects.requireNonNullElse(space, "");
        dataSourceId = Objects.requireNonNullElse(dataSourceId, "");
        connectionId = Objects.requireNonNullElse(connectionId, "");
        message = Objects.requireNonNullElse(message, "");
    }
}

package dev.qcl.results;

import dev.qcl.csv.SafeText;
import java.util.Objects;

/**
 * What happened to one input row in one run: one of these per row, stored with the chunk that
 * processed it. Messages never hold secret values. Every text is bounded to its column in
 * {@code QCL_ROW_RESULT} (and made storable), so that no cell and no tenant answer can make the
 * chunk's insert fail.
 *
 * @param space the resolved space ID, or the cell as written when it could not be resolved;
 *     empty for the personal space
 * @param httpStatus the tenant's last answer, or null when nothing was sent
 * @param tenant the alias of the row's tenant in a run over several tenants ({@code --tenants}); empty
 *     in a run over one
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
        String message,
        String tenant) {

    /** Column sizes of {@code QCL_ROW_RESULT}, in characters. */
    static final int Q_NAME_CHARS = 1024;

    static final int SPACE_CHARS = 1024;
    static final int DATA_SOURCE_ID_CHARS = 256;
    static final int CONNECTION_ID_CHARS = 64;
    static final int MESSAGE_CHARS = ResultRepository.MESSAGE_LIMIT;
    static final int TENANT_CHARS = 40;

    public RowResult {
        Objects.requireNonNull(status, "status");
        qName = SafeText.storable(Objects.requireNonNullElse(qName, ""), Q_NAME_CHARS);
        space = SafeText.storable(Objects.requireNonNullElse(space, ""), SPACE_CHARS);
        dataSourceId = SafeText.storable(Objects.requireNonNullElse(dataSourceId, ""), DATA_SOURCE_ID_CHARS);
        connectionId = SafeText.storable(Objects.requireNonNullElse(connectionId, ""), CONNECTION_ID_CHARS);
        message = SafeText.storable(Objects.requireNonNullElse(message, ""), MESSAGE_CHARS);
        tenant = SafeText.storable(Objects.requireNonNullElse(tenant, ""), TENANT_CHARS);
    }

    /** The result of a row of a run over one tenant. */
    public RowResult(
            int row,
            String qName,
            String space,
            String dataSourceId,
            RowStatus status,
            String connectionId,
            Integer httpStatus,
            int attempts,
            String message) {
        this(row, qName, space, dataSourceId, status, connectionId, httpStatus, attempts, message, "");
    }

    /** The same result, of the row of tenant {@code alias}. */
    public RowResult ofTenant(String alias) {
        return new RowResult(
                row, qName, space, dataSourceId, status, connectionId, httpStatus, attempts, message, alias);
    }
}

package dev.qcl.rows;

import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The write journal: what a run sent to the tenant, row by row. It is written outside the chunk
 * transaction (its JdbcTemplate commits each statement at once), so it survives the rollback of a
 * chunk that a stop, a kill or a failure interrupted after some of its rows were written.
 */
final class RowWrites {
    /** A create or update about to be sent: the tenant may or may not have it. */
    static final String CREATING = "CREATING";

    static final String UPDATING = "UPDATING";

    /** What the journal holds for one row of one run. */
    record Entry(String status, String connectionId, Integer httpStatus, int attempts, String message) {
        boolean answered() {
            return status.equals(RowStatus.CREATED.name()) || status.equals(RowStatus.UPDATED.name());
        }
    }

    private final JdbcTemplate jdbc;

    /** @param jdbc a template whose statements commit on their own, never in the chunk's transaction */
    RowWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(long runId, int row) {
        List<Entry> entries = jdbc.query(
                "SELECT STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE FROM QCL_ROW_WRITE WHERE RUN_ID = ? AND ROW_NUM = ?",
                (rs, i) -> new Entry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, Integer.class),
                        rs.getInt(4),
                        rs.getString(5)),
                runId,
                row);
        return entries.stream().findFirst();
    }

    /** Just before a write goes out. */
    void sending(long runId, int row, String status, String connectionId) {
        put(runId, row, new Entry(status, connectionId == null ? "" : connectionId, null, 0, ""));
    }

    /** As soon as the tenant has answered a create or update. */
    void answered(long runId, RowResult result) {
        put(
                runId,
                result.row(),
                new Entry(
                        result.status().name(),
                        result.connectionId(),
                        result.httpStatus(),
                        result.attempts(),
                        result.message()));
    }

    /** Nothing was written after all (the row was skipped, refused or invalid). */
    void forget(long runId, int row) {
        jdbc.update("DELETE FROM QCL_ROW_WRITE WHERE RUN_ID = ? AND ROW_NUM = ?", runId, row);
    }

    private void put(long runId, int row, Entry entry) {
        String message = entry.message().length() <= ResultRepository.MESSAGE_LIMIT
                ? entry.message()
                : entry.message().substring(0, ResultRepository.MESSAGE_LIMIT - 1) + "…";
        int updated = jdbc.update(
                "UPDATE QCL_ROW_WRITE SET STATUS = ?, CONNECTION_ID = ?, HTTP_STATUS = ?, ATTEMPTS = ?, MESSAGE = ?"
                        + " WHERE RUN_ID = ? AND ROW_NUM = ?",
                entry.status(),
                entry.connectionId(),
                entry.httpStatus(),
                entry.attempts(),
                message,
                runId,
                row);
        if (updated == 0) {
            // one thread handles a row at a time, so no other insert can race this one
            jdbc.update(
                    "INSERT INTO QCL_ROW_WRITE (RUN_ID, ROW_NUM, STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    runId,
                    row,
                    entry.status(),
                    entry.connectionId(),
                    entry.httpStatus(),
                    entry.attempts(),
                    message);
        }
    }
}

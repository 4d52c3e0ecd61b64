package dev.qcl.results;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The HTTP counters of each execution of a run in the job repository. Written outside any chunk's
 * transaction (each statement commits at once), as often as the counters change, so that an execution
 * killed part-way leaves the count of what it sent, not of what its last chunk had sent.
 */
public final class RunHttpCounts {
    private final JdbcTemplate jdbc;

    /** @param jdbc a template whose statements commit on their own, never in a chunk's transaction */
    public RunHttpCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The counters of one execution so far; they only grow, so an older value never replaces a newer one. */
    public void save(long runId, long executionId, HttpCounts counts) {
        int updated = jdbc.update(
                "UPDATE QCL_HTTP_COUNT SET REQUESTS = GREATEST(REQUESTS, ?), RETRIES = GREATEST(RETRIES, ?),"
                        + " THROTTLED = GREATEST(THROTTLED, ?), THROTTLE_WAIT_MS = GREATEST(THROTTLE_WAIT_MS, ?)"
                        + " WHERE JOB_EXECUTION_ID = ?",
                counts.requests(),
                counts.retries(),
                counts.throttled(),
                counts.throttleWaitMs(),
                executionId);
        if (updated == 0) {
            // an execution's first save is made before its counters are written from another thread
            jdbc.update(
                    "INSERT INTO QCL_HTTP_COUNT (JOB_EXECUTION_ID, RUN_ID, REQUESTS, RETRIES, THROTTLED, THROTTLE_WAIT_MS)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    executionId,
                    runId,
                    counts.requests(),
                    counts.retries(),
                    counts.throttled(),
                    counts.throttleWaitMs());
        }
    }

    /** The run's counters added up over its executions; empty when none was saved (a run of an earlier version). */
    public Optional<HttpCounts> total(long runId) {
        return sum("WHERE RUN_ID = ?", runId);
    }

    /** The counters of the run's executions other than {@code executionId}. */
    public HttpCounts totalBefore(long runId, long executionId) {
        return sum("WHERE RUN_ID = ? AND JOB_EXECUTION_ID <> ?", runId, executionId)
                .orElse(HttpCounts.NONE);
    }

    private Optional<HttpCounts> sum(String where, Object... arguments) {
        return jdbc.queryForObject(
                "SELECT COUNT(*), COALESCE(SUM(REQUESTS), 0), COALESCE(SUM(RETRIES), 0), COALESCE(SUM(THROTTLED), 0),"
                        + " COALESCE(SUM(THROTTLE_WAIT_MS), 0) FROM QCL_HTTP_COUNT " + where,
                (rs, i) -> rs.getLong(1) == 0
                        ? Optional.<HttpCounts>empty()
                        : Optional.of(new HttpCounts(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))),
                arguments);
    }
}

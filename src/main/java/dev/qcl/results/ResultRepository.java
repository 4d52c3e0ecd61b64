package dev.qcl.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The per-row results of every run, in the job repository's database. Rows are written by the
 * step's writer inside the chunk transaction, so a row has a result exactly when its chunk committed.
 * The tables are made by the migrations in {@code db/migration}.
 */
public final class ResultRepository {
    public static final int MESSAGE_LIMIT = 4000;

    static final int ROWS_PER_PAGE = 5000;
    // blocks hold up to a chunk of rows each
    static final int BLOCKS_PER_PAGE = 20;

    private static final String COLUMNS =
            "ROW_NUM, Q_NAME, SPACE, DATA_SOURCE_ID, STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE, TENANT";
    /**
     * The problem rows of a run, one branch per status so that each reads only its own rows from the
     * (RUN_ID, STATUS, ROW_NUM) index: with {@code STATUS IN (...)} the database reads every row of
     * the run to find the few problem ones.
     */
    private static final String PROBLEMS = String.join(
            " UNION ALL ",
            List.of(
                    "SELECT %1$s FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = 'INVALID'",
                    "SELECT %1$s FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = 'FAILED'",
                    "SELECT %1$s FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = 'FAIL'"));

    private final JdbcTemplate jdbc;
    private volatile CommittedRows committed = CommittedRows.NONE;

    public ResultRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Told the results of each chunk once its transaction committed, in the order they committed. */
    @FunctionalInterface
    public interface CommittedRows {
        CommittedRows NONE = (runId, rows) -> {};

        /** Must not throw: the rows are stored whatever the listener does with them. */
        void committed(long runId, List<RowResult> rows);
    }

    /** {@code listener} hears of every result stored from now on (results.csv is written from them as a run goes). */
    public void onCommitted(CommittedRows listener) {
        committed = listener;
    }

    public void addSample(long runId, TimelineSample sample) {
        jdbc.update(
                "INSERT INTO QCL_RUN_SAMPLE (RUN_ID, AT_MS, ROWS_DONE, THROTTLED) VALUES (?, ?, ?, ?)",
                runId,
                sample.at().toEpochMilli(),
                sample.rowsDone(),
                sample.throttled());
    }

    /** The run's samples in time order, over all its executions. */
    public List<TimelineSample> timeline(long runId) {
        return jdbc.query(
                "SELECT AT_MS, ROWS_DONE, THROTTLED FROM QCL_RUN_SAMPLE WHERE RUN_ID = ? ORDER BY AT_MS",
                (rs, i) -> new TimelineSample(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3)),
                runId);
    }

    /** The first {@code limit} problem rows of a run, in row order. */
    public List<RowResult> firstProblems(long runId, int limit) {
        try (Stream<RowResult> problems = problems(runId, Math.max(1, Math.min(limit, ROWS_PER_PAGE)))) {
            return problems.limit(limit).toList();
        }
    }

    /** The first {@code limit} rows of a run that were updated (or are to be), then its deletions. */
    public List<RowResult> firstChanges(long runId, int limit) {
        List<RowResult> changes = new java.util.ArrayList<>(jdbc.query(
                // one branch per status, each read from the status index (STATUS IN (...) reads every row)
                "SELECT " + COLUMNS + " FROM (SELECT " + COLUMNS
                        + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = 'UPDATED' UNION ALL SELECT " + COLUMNS
                        + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = 'UPDATE') C"
                        + " ORDER BY ROW_NUM FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> map(rs),
                runId,
                runId));
        deletions(runId).stream().limit(Math.max(0, limit - changes.size())).forEach(changes::add);
        return changes;
    }

    public void insert(long runId, List<? extends RowResult> results) {
        Map<ResultBlocks.Kind, List<RowResult>> blockable = new LinkedHashMap<>();
        List<RowResult> single = new ArrayList<>();
        for (RowResult result : results) {
            if (ResultBlocks.isBlockable(result)) {
                blockable
                        .computeIfAbsent(
                                new ResultBlocks.Kind(result.status(), result.tenant()), s -> new ArrayList<>())
                        .add(result);
            } else {
                single.add(result);
            }
        }
        if (!single.isEmpty()) {
            insertRows(runId, single);
        }
        if (!blockable.isEmpty()) {
            insertBlocks(runId, blockable);
        }
        tellCommitted(runId, results);
    }

    /** Each status's rows in blocks (see the V4 migration), in row order whatever order they came in. */
    private void insertBlocks(long runId, Map<ResultBlocks.Kind, List<RowResult>> byKind) {
        List<ResultBlocks.Block> blocks = new ArrayList<>();
        byKind.forEach((kind, rows) -> {
            rows.sort(Comparator.comparingInt(RowResult::row));
            blocks.addAll(ResultBlocks.encode(kind, rows));
        });
        jdbc.batchUpdate(
                "INSERT INTO QCL_RESULT_BLOCK (RUN_ID, FIRST_ROW, LAST_ROW, STATUS, ROW_COUNT, BODY, TENANT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                blocks,
                blocks.size(),
                (ps, b) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, b.firstRow());
                    ps.setInt(3, b.lastRow());
                    ps.setString(4, b.status().name());
                    ps.setInt(5, b.rowCount());
                    ps.setString(6, b.body());
                    ps.setString(7, b.tenant());
                });
    }

    /**
     * The listener hears of the rows once the chunk's transaction committed (at once outside one).
     * Spring's transaction synchronization, not a Spring Batch {@code ChunkListener}: results are also
     * written in the prune step's tasklet transaction and outside any step, and the listener (the report's
     * results.csv spool) is no part of the job that a step could name.
     */
    private void tellCommitted(long runId, List<? extends RowResult> results) {
        CommittedRows listener = committed;
        if (listener != CommittedRows.NONE) {
            List<RowResult> rows = List.copyOf(results);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        listener.committed(runId, rows);
                    }
                });
            } else {
                listener.committed(runId, rows);
            }
        }
    }

    private void insertRows(long runId, List<RowResult> results) {
        jdbc.batchUpdate(
                "INSERT INTO QCL_ROW_RESULT (RUN_ID, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                results,
                results.size(),
                (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, r.row());
                    ps.setString(3, r.qName());
                    ps.setString(4, r.space());
                    ps.setString(5, r.dataSourceId());
                    ps.setString(6, r.status().name());
                    ps.setString(7, r.connectionId());
                    ps.setObject(8, r.httpStatus());
                    ps.setInt(9, r.attempts());
                    ps.setString(10, truncate(r.message()));
                    ps.setString(11, r.tenant());
                });
    }

    /** Number of rows per status for a run, every status present (zero when none). */
    public Map<RowStatus, Long> counts(long runId) {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        for (RowStatus status : RowStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query(
                "SELECT STATUS, COUNT(*) FROM QCL_ROW_RESULT WHERE RUN_ID = ? GROUP BY STATUS",
                rs -> {
                    counts.put(RowStatus.valueOf(rs.getString(1)), rs.getLong(2));
                },
                runId);
        jdbc.query(
                "SELECT STATUS, SUM(ROW_COUNT) FROM QCL_RESULT_BLOCK WHERE RUN_ID = ? GROUP BY STATUS",
                rs -> {
                    counts.merge(RowStatus.valueOf(rs.getString(1)), rs.getLong(2), Long::sum);
                },
                runId);
        return counts;
    }

    /**
     * Number of rows per status for each tenant of a run over several ({@code --tenants}), every status
     * present; keyed by alias in alias order (a run over one tenant has the one key "").
     */
    public Map<String, Map<RowStatus, Long>> countsByTenant(long runId) {
        Map<String, Map<RowStatus, Long>> byTenant = new java.util.TreeMap<>();
        org.springframework.jdbc.core.RowCallbackHandler add =
                rs -> byTenant.computeIfAbsent(rs.getString(1), t -> zeroCounts())
                        .merge(RowStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
        jdbc.query(
                "SELECT TENANT, STATUS, COUNT(*) FROM QCL_ROW_RESULT WHERE RUN_ID = ? GROUP BY TENANT, STATUS",
                add,
                runId);
        jdbc.query(
                "SELECT TENANT, STATUS, SUM(ROW_COUNT) FROM QCL_RESULT_BLOCK WHERE RUN_ID = ? GROUP BY TENANT, STATUS",
                add,
                runId);
        return byTenant;
    }

    private static Map<RowStatus, Long> zeroCounts() {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        for (RowStatus status : RowStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    /**
     * Streams a run's results in row order, without holding them all in memory: the input rows, then
     * the deletions of {@code --prune} in the order they were planned. The rows stored one by one and
     * those stored in blocks are read a page at a time by key, and merged.
     */
    public void forEach(long runId, Consumer<RowResult> consumer) {
        Iterator<RowResult> singles = new StoredRowsInOrder.Pages<>(
                after -> jdbc.query(
                        "SELECT " + COLUMNS + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND ROW_NUM > ?"
                                + " ORDER BY RUN_ID, ROW_NUM FETCH FIRST " + ROWS_PER_PAGE + " ROWS ONLY",
                        (rs, i) -> map(rs),
                        runId,
                        after),
                RowResult::row);
        Iterator<ResultBlocks.Block> blocks = new StoredRowsInOrder.Pages<>(
                after -> jdbc.query(
                        "SELECT FIRST_ROW, LAST_ROW, STATUS, ROW_COUNT, BODY, TENANT FROM QCL_RESULT_BLOCK"
                                + " WHERE RUN_ID = ? AND FIRST_ROW > ? ORDER BY RUN_ID, FIRST_ROW FETCH FIRST "
                                + BLOCKS_PER_PAGE + " ROWS ONLY",
                        (rs, i) -> new ResultBlocks.Block(
                                rs.getInt(1),
                                rs.getInt(2),
                                RowStatus.valueOf(rs.getString(3)),
                                rs.getInt(4),
                                rs.getString(5),
                                rs.getString(6)),
                        runId,
                        after),
                ResultBlocks.Block::firstRow);
        new StoredRowsInOrder(singles, blocks).forEachRemaining(consumer);
        deletions(runId).forEach(consumer);
    }

    /**
     * The deletions of a run's prune. They belong to no input row: they are stored under negative row
     * numbers (-1, -2, ... in planned order), which keeps the table's key, and shown with an empty row.
     */
    public List<RowResult> deletions(long runId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND ROW_NUM < 0 ORDER BY ROW_NUM DESC",
                (rs, i) -> map(rs),
                runId);
    }

    /** The deletions of one tenant's prune in a run over several tenants, in planned order. */
    public List<RowResult> deletions(long runId, String tenant) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND ROW_NUM < 0 AND TENANT = ?"
                        + " ORDER BY ROW_NUM DESC",
                (rs, i) -> map(rs),
                runId,
                tenant);
    }

    /** Records a deletion's outcome in place of what was recorded before sending it. */
    public void updateDeletion(long runId, RowResult result) {
        jdbc.update(
                "UPDATE QCL_ROW_RESULT SET STATUS = ?, HTTP_STATUS = ?, ATTEMPTS = ?, MESSAGE = ?"
                        + " WHERE RUN_ID = ? AND ROW_NUM = ? AND ROW_NUM < 0",
                result.status().name(),
                result.httpStatus(),
                result.attempts(),
                truncate(result.message()),
                runId,
                result.row());
    }

    /** Forgets a planned deletion that was never sent and is no longer planned. */
    public void removeDeletion(long runId, int row) {
        jdbc.update("DELETE FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND ROW_NUM = ? AND ROW_NUM < 0", runId, row);
    }

    /**
     * A run's INVALID and FAILED (or, for a dry run, FAIL) rows in row order, read as they are
     * consumed; the caller closes the stream.
     */
    public Stream<RowResult> problems(long runId) {
        return problems(runId, ROWS_PER_PAGE);
    }

    /**
     * Each problem status read in row order from its index a page at a time, and the three merged: a
     * query over all three ordered by row would sort every problem row of the run before giving the first.
     */
    private Stream<RowResult> problems(long runId, int pageSize) {
        List<Iterator<RowResult>> byStatus = Stream.of(RowStatus.INVALID, RowStatus.FAILED, RowStatus.FAIL)
                .map(status -> (Iterator<RowResult>) new StoredRowsInOrder.Pages<>(
                        after -> jdbc.query(
                                "SELECT " + COLUMNS + " FROM QCL_ROW_RESULT WHERE RUN_ID = ? AND STATUS = ?"
                                        + " AND ROW_NUM > ? ORDER BY RUN_ID, STATUS, ROW_NUM FETCH FIRST " + pageSize
                                        + " ROWS ONLY",
                                (rs, i) -> map(rs),
                                runId,
                                status.name(),
                                after),
                        RowResult::row))
                .toList();
        Iterator<RowResult> merged = StoredRowsInOrder.merged(byStatus);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(merged, Spliterator.ORDERED), false);
    }

    /** The most frequent messages of a run's problem rows, most frequent first. */
    public List<Map.Entry<String, Long>> topMessages(long runId, int limit) {
        return jdbc.query(
                "SELECT MESSAGE, COUNT(*) AS N FROM (" + PROBLEMS.formatted("MESSAGE") + ") P"
                        + " GROUP BY MESSAGE ORDER BY N DESC, MESSAGE FETCH FIRST " + limit + " ROWS ONLY",
                (rs, i) -> Map.entry(rs.getString(1), rs.getLong(2)),
                runId,
                runId,
                runId);
    }

    private static RowResult map(ResultSet rs) throws SQLException {
        return new RowResult(
                rs.getInt(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                RowStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getObject(7, Integer.class),
                rs.getInt(8),
                rs.getString(9),
                rs.getString(10));
    }

    private static String truncate(String message) {
        return message.length() <= MESSAGE_LIMIT ? message : message.substring(0, MESSAGE_LIMIT - 1) + "…";
    }
}

package dev.qcl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads the results table of a job repository directly, as an auditor would. */
public final class ResultsTable {
    /** One stored row result. */
    public record Row(
            long runId,
            int row,
            String qName,
            String space,
            String status,
            String connectionId,
            Integer http,
            int attempts,
            String message) {}

    private ResultsTable() {}

    /** Every stored result of the default H2 job repository in a home folder. */
    public static List<Row> read(Path home) {
        return read(TestDatabase.h2(home));
    }

    /**
     * Every stored result in a test's job repository, by run and row: the rows stored one by one and
     * those in blocks, each block read by the format its migration describes (V4).
     */
    public static List<Row> read(TestDatabase database) {
        try (Connection c = database.connect()) {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "SELECT RUN_ID, ROW_NUM, Q_NAME, SPACE, STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE"
                                    + " FROM QCL_ROW_RESULT");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getInt(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getObject(7, Integer.class),
                            rs.getInt(8),
                            rs.getString(9)));
                }
            }
            try (PreparedStatement ps =
                            c.prepareStatement("SELECT RUN_ID, STATUS, ROW_COUNT, BODY FROM QCL_RESULT_BLOCK");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Row> block = blockRows(rs.getLong(1), rs.getString(2), rs.getString(4));
                    if (block.size() != rs.getInt(3)) {
                        throw new IllegalStateException(
                                "a block says " + rs.getInt(3) + " rows, holds " + block.size());
                    }
                    rows.addAll(block);
                }
            }
            rows.sort(Comparator.comparingLong(Row::runId).thenComparingInt(Row::row));
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ROW;HTTP;ATTEMPTS;} then five texts as {@code LENGTH:TEXT}, row after row. */
    private static List<Row> blockRows(long runId, String status, String body) {
        List<Row> rows = new ArrayList<>();
        int at = 0;
        while (at < body.length()) {
            String[] numbers = new String[3];
            for (int i = 0; i < 3; i++) {
                int end = body.indexOf(';', at);
                numbers[i] = body.substring(at, end);
                at = end + 1;
            }
            String[] texts = new String[5];
            for (int i = 0; i < 5; i++) {
                int colon = body.indexOf(':', at);
                int length = Integer.parseInt(body.substring(at, colon));
                texts[i] = body.substring(colon + 1, colon + 1 + length);
                at = colon + 1 + length;
            }
            rows.add(new Row(
                    runId,
                    Integer.parseInt(numbers[0]),
                    texts[0],
                    texts[1],
                    status,
                    texts[3],
                    numbers[1].isEmpty() ? null : Integer.valueOf(numbers[1]),
                    Integer.parseInt(numbers[2]),
                    texts[4]));
        }
        return rows;
    }

    public static List<Row> ofRun(Path home, long runId) {
        return read(home).stream().filter(r -> r.runId() == runId).toList();
    }

    public static List<Row> ofRun(TestDatabase database, long runId) {
        return read(database).stream().filter(r -> r.runId() == runId).toList();
    }
}

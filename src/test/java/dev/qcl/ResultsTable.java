package dev.qcl;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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

    /** Every stored result in a test's job repository, by run and row. */
    public static List<Row> read(TestDatabase database) {
        try (Connection c = database.connect();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT RUN_ID, ROW_NUM, Q_NAME, SPACE, STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE"
                                + " FROM QCL_ROW_RESULT ORDER BY RUN_ID, ROW_NUM");
                ResultSet rs = ps.executeQuery()) {
            List<Row> rows = new ArrayList<>();
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
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Row> ofRun(Path home, long runId) {
        return read(home).stream().filter(r -> r.runId() == runId).toList();
    }

    public static List<Row> ofRun(TestDatabase database, long runId) {
        return read(database).stream().filter(r -> r.runId() == runId).toList();
    }
}

package dev.qcl.home;

import dev.qcl.settings.ConfigurationProblem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run at a time per series (a {@code --run-label}; validate runs form a series of their own) on a
 * job repository that several machines share: the check "is a run of this series going?", the run's
 * creation and the run itself happen under a lock that the database holds on a connection of its own.
 * On PostgreSQL a session advisory lock ({@code pg_try_advisory_lock}: no transaction is left open, which
 * a server's {@code idle_in_transaction_session_timeout} would end); on other databases (H2) a row lock
 * in a transaction left open. Either ends with its connection, so a killed holder blocks no one. Who
 * holds it is written to {@code QCL_RUN_SERIES} for the message of a refused run.
 */
public final class SeriesLock implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SeriesLock.class);
    /** PostgreSQL: lock_not_available (NOWAIT); H2: lock timeout. */
    private static final String PG_LOCK_NOT_AVAILABLE = "55P03";

    private static final int H2_LOCK_TIMEOUT = 50200;

    private final DataSource connections;
    private final Connection held;
    private final String key;
    private final boolean advisory;

    private SeriesLock(DataSource connections, Connection held, String key, boolean advisory) {
        this.connections = connections;
        this.held = held;
        this.key = key;
        this.advisory = advisory;
    }

    /**
     * Takes the lock of a series for as long as the returned lock is open.
     *
     * @param connections makes connections of their own (not from a pool): one is held while the lock is
     * @param command what holds it, for the message of another process ({@code qcl run})
     * @throws ConfigurationProblem when another process holds it, naming that process
     */
    public static SeriesLock take(DataSource connections, String label, boolean dryRun, String command, Clock clock) {
        String key = key((dryRun ? "validate" : "run") + "\u0000" + label);
        try {
            Connection connection = connections.getConnection();
            boolean advisory = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            boolean taken;
            try {
                taken = advisory ? advisoryLock(connection, key) : rowLock(connection, key);
            } catch (SQLException | RuntimeException e) {
                close(connection);
                throw e;
            }
            if (!taken) {
                close(connection);
                throw new ConfigurationProblem("the run label '" + label + "'" + (dryRun ? " (validate)" : "")
                        + " is in use by " + holder(connections, key).orElse("another qcl process")
                        + "; wait for it to end, or give this run another --run-label");
            }
            SeriesLock lock = new SeriesLock(connections, connection, key, advisory);
            lock.describe("process " + ProcessHandle.current().pid() + " on host " + ThisProcess.host() + " (qcl "
                    + command + ", since " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + ")");
            return lock;
        } catch (SQLException e) {
            throw new IllegalStateException("the run label '" + label + "' cannot be locked: " + e.getMessage(), e);
        }
    }

    /** Gives the lock back; a connection that cannot say so gives it back by closing. */
    @Override
    public void close() {
        try (Connection connection = connections.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM QCL_RUN_SERIES WHERE SERIES = ?")) {
            delete.setString(1, key);
            delete.executeUpdate();
            if (advisory) {
                try (PreparedStatement unlock = held.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, advisoryKey(key));
                    unlock.execute();
                }
            } else {
                held.rollback();
            }
        } catch (SQLException e) {
            log.debug("The lock of a run label was given back by closing its connection: {}", e.getMessage());
        } finally {
            close(held);
        }
    }

    private static boolean advisoryLock(Connection connection, String key) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, advisoryKey(key));
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** Locks the series' row (made first if missing) in a transaction that stays open while the lock is held. */
    private static boolean rowLock(Connection connection, String key) throws SQLException {
        connection.setAutoCommit(true);
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO QCL_RUN_SERIES_LOCK (SERIES) VALUES (?)")) {
            insert.setString(1, key);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!isDuplicate(e) && !isLocked(e)) {
                throw e;
            }
        }
        connection.setAutoCommit(false);
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT SERIES FROM QCL_RUN_SERIES_LOCK WHERE SERIES = ? FOR UPDATE NOWAIT")) {
            lock.setString(1, key);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            if (isLocked(e)) {
                connection.rollback();
                return false;
            }
            throw e;
        }
    }

    private void describe(String holder) {
        try (Connection connection = connections.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE QCL_RUN_SERIES SET HOLDER = ? WHERE SERIES = ?")) {
                update.setString(1, holder);
                update.setString(2, key);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement insert =
                    connection.prepareStatement("INSERT INTO QCL_RUN_SERIES (SERIES, HOLDER) VALUES (?, ?)")) {
                insert.setString(1, key);
                insert.setString(2, holder);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("the holder of a run label cannot be recorded: " + e.getMessage(), e);
        }
    }

    /**
     * Who holds the series, as it wrote itself down. It writes that just after taking the lock, so a
     * process refused in that moment waits for it, briefly.
     */
    private static Optional<String> holder(DataSource connections, String key) throws SQLException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (Connection connection = connections.getConnection();
                    PreparedStatement select =
                            connection.prepareStatement("SELECT HOLDER FROM QCL_RUN_SERIES WHERE SERIES = ?")) {
                select.setString(1, key);
                try (ResultSet rs = select.executeQuery()) {
                    if (rs.next()) {
                        return Optional.of(rs.getString(1));
                    }
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    private static boolean isLocked(SQLException e) {
        return PG_LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || e.getErrorCode() == H2_LOCK_TIMEOUT;
    }

    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static String key(String series) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(series.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The advisory lock's number: the first 64 bits of the series' hash. */
    private static long advisoryKey(String key) {
        return ByteBuffer.wrap(HexFormat.of().parseHex(key.substring(0, 16))).getLong();
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the database gives the lock back with the connection anyway
        }
    }
}

package dev.qcl.cli;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.transaction.TransactionSystemException;

/**
 * Says in one line what broke when the disk under the home folder is full or the job database cannot
 * be reached, instead of the innermost exception's message ("The database has been closed", "Connection
 * refused"). The evidence is looked for in the whole chain: causes, suppressed exceptions, the
 * application exception that a failed rollback hid, and chained SQL exceptions.
 */
final class StorageFailures {
    /** How operating systems word a full disk (Linux, macOS, Windows) or an exhausted quota. */
    private static final List<String> NO_SPACE =
            List.of("no space left on device", "not enough space on the disk", "disk quota exceeded", "disk full");
    /** H2: "No space available: {0} bytes are required". */
    private static final int H2_NO_DISK_SPACE = 90100;
    /** PostgreSQL: disk_full. */
    private static final String PG_DISK_FULL = "53100";
    /** SQL standard: connection exception (PostgreSQL: 08001 could not connect, 08006 connection failure). */
    private static final String CONNECTION_CLASS = "08";
    /** SQL standard: invalid authorization (PostgreSQL: 28P01 password authentication failed). */
    private static final String AUTHORIZATION_CLASS = "28";

    private StorageFailures() {}

    /**
     * The line to print for {@code failure}, if it is a full disk or an unreachable job database.
     *
     * @param runExists whether a run was going (it can be restarted) rather than none started yet
     */
    static Optional<String> explain(Throwable failure, JobStorage storage, boolean runExists) {
        List<Throwable> chain = chain(failure);
        boolean database = chain.stream().anyMatch(StorageFailures::fromDatabase);
        if (chain.stream().anyMatch(t -> t instanceof SQLException sql && PG_DISK_FULL.equals(sql.getSQLState()))) {
            return Optional.of(storage.masked("the job database at " + storage.url() + " has no space left ("
                    + firstLine(sqlWithState(chain, PG_DISK_FULL)) + "); free space on the database server, "
                    + then(runExists)));
        }
        if (chain.stream().anyMatch(StorageFailures::saysNoSpace)) {
            String what = database ? "the job database could not write" : "a file in it could not be written";
            Path folder = storage.fullFolder(database);
            return Optional.of(storage.masked("no space left on device" + (folder == null ? "" : " in " + folder) + " ("
                    + what + "); free space, " + then(runExists)));
        }
        if (runExists || !database) {
            // a job database lost while a run was going is the run's failure, said by the launcher
            return Optional.empty();
        }
        Optional<String> unreachable = unreachableReason(chain);
        if (unreachable.isPresent()) {
            return Optional.of(storage.masked("cannot reach the job database at " + storage.url() + " ("
                    + unreachable.get() + "); check spring.datasource.url and that the database is running"));
        }
        Throwable refused = sqlWithStateClass(chain, AUTHORIZATION_CLASS);
        if (refused != null) {
            return Optional.of(storage.masked("the job database at " + storage.url() + " refused the login ("
                    + firstLine(refused) + "); check spring.datasource.username and spring.datasource.password"));
        }
        return Optional.empty();
    }

    private static String then(boolean runExists) {
        return runExists ? "then run qcl restart" : "then try again";
    }

    /** Whether {@code failure} or one of its causes is a full disk. */
    static boolean noSpace(Throwable failure) {
        return chain(failure).stream().anyMatch(StorageFailures::saysNoSpace);
    }

    private static boolean saysNoSpace(Throwable t) {
        if (t instanceof SQLException sql
                && (PG_DISK_FULL.equals(sql.getSQLState()) || (isH2(t) && sql.getErrorCode() == H2_NO_DISK_SPACE))) {
            return true;
        }
        String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return NO_SPACE.stream().anyMatch(message::contains);
    }

    /** Whether the exception came from the JDBC driver or H2's store, not from a file qcl writes itself. */
    private static boolean fromDatabase(Throwable t) {
        return t instanceof SQLException || isH2(t);
    }

    private static boolean isH2(Throwable t) {
        return t.getClass().getName().startsWith("org.h2.");
    }

    /** Why no connection could be made: the network's own words where the driver passed them on. */
    private static Optional<String> unreachableReason(List<Throwable> chain) {
        for (Throwable t : chain) {
            if (t instanceof UnknownHostException) {
                // its message is the host as the driver parsed it, which may include user info
                return Optional.of("unknown host");
            }
            if (t instanceof SocketTimeoutException) {
                return Optional.of("timed out");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return Optional.of(firstLine(t));
            }
        }
        Throwable connection = sqlWithStateClass(chain, CONNECTION_CLASS);
        return connection == null ? Optional.empty() : Optional.of(firstLine(connection));
    }

    private static Throwable sqlWithStateClass(List<Throwable> chain, String stateClass) {
        return chain.stream()
                .filter(t -> t instanceof SQLException sql
                        && sql.getSQLState() != null
                        && sql.getSQLState().startsWith(stateClass))
                .findFirst()
                .orElse(null);
    }

    private static Throwable sqlWithState(List<Throwable> chain, String state) {
        return chain.stream()
                .filter(t -> t instanceof SQLException sql && state.equals(sql.getSQLState()))
                .findFirst()
                .orElseThrow();
    }

    private static String firstLine(Throwable t) {
        return QclCommandLine.oneLine(t);
    }

    /** Every exception reachable from {@code top}, outermost first, each once. */
    static List<Throwable> chain(Throwable top) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>(List.of(top));
        List<Throwable> all = new ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(List.of(t.getSuppressed()));
            if (t instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
                todo.add(rollback.getApplicationException());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                todo.add(sql.getNextException());
            }
        }
        return all;
    }
}

package dev.qcl.export;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.Space;
import dev.qcl.qlik.failure.QlikApiException;
import dev.qcl.qlik.failure.RunStoppingException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists the connections of an export's scope (paged, without DataFiles) and reads each one's parsed
 * properties, a few at a time: the client's tier-1 pacing, not the thread count, sets the pace. A
 * connection that cannot be read is logged and left out; a 401 or an unreachable tenant ends the export.
 */
final class ExportReads {
    private static final Logger log = LoggerFactory.getLogger(ExportReads.class);

    private final QlikClient client;
    private final int concurrency;
    private final ExportProgress progress;
    private final Map<String, Optional<String>> spaceNames = new ConcurrentHashMap<>();

    ExportReads(QlikClient client, int concurrency, ExportProgress progress) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, was " + concurrency);
        }
        this.client = client;
        this.concurrency = concurrency;
        this.progress = progress;
    }

    /** The connections read, sorted by space name, qName and ID; {@code failures} gets one line per one left out. */
    List<ExportedConnection> read(ExportScope scope, List<String> failures) {
        scope.spaces().forEach(space -> spaceNames.put(space.id(), Optional.ofNullable(space.name())));
        List<ExistingConnection> listed = list(scope);
        progress.expect(listed.size());
        ExecutorService readers = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, listed.size())), r -> {
            Thread thread = new Thread(r, "qcl-export-reader");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ExportedConnection>> reads = new ArrayList<>();
            for (ExistingConnection connection : listed) {
                reads.add(readers.submit(() -> readOne(connection, failures)));
            }
            List<ExportedConnection> exported = new ArrayList<>();
            for (Future<ExportedConnection> read : reads) {
                ExportedConnection connection = await(read);
                if (connection != null) {
                    exported.add(connection);
                }
            }
            exported.sort(Comparator.comparing(ExportedConnection::spaceName)
                    .thenComparing(ExportedConnection::qName, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(ExportedConnection::id));
            return exported;
        } finally {
            readers.shutdownNow();
        }
    }

    private List<ExistingConnection> list(ExportScope scope) {
        List<ExistingConnection> listed = scope.all()
                ? client.connectionsVisible()
                : scope.spaces().stream()
                        .flatMap(space -> client.connectionsInSpace(space.id()).stream())
                        .toList();
        Map<String, ExistingConnection> byId = new LinkedHashMap<>();
        listed.forEach(connection -> byId.putIfAbsent(connection.id(), connection));
        return new ArrayList<>(byId.values());
    }

    private ExportedConnection readOne(ExistingConnection listed, List<String> failures) {
        String subject = "connection '" + listed.qName() + "' (" + listed.id() + ")";
        try {
            Optional<ExistingConnection> read = client.parsedConnectionById(listed.id());
            if (read.isEmpty()) {
                return leftOut(subject + " is gone (404) since it was listed", failures);
            }
            ExistingConnection connection = read.get();
            Optional<String> spaceName = spaceName(connection.spaceId());
            if (spaceName.isEmpty()) {
                return leftOut(subject + ": its space " + connection.spaceId() + " cannot be read", failures);
            }
            String dataSourceId = connection.dataSourceId() != null ? connection.dataSourceId() : listed.dataSourceId();
            progress.read();
            return new ExportedConnection(
                    connection.id(),
                    connection.qName(),
                    dataSourceId,
                    connection.spaceId(),
                    spaceName.get(),
                    connection.tags(),
                    connection.connectionProperties());
        } catch (RunStoppingException e) {
            throw e;
        } catch (QlikApiException e) {
            return leftOut(subject + " could not be read: " + e.getMessage(), failures);
        }
    }

    /** The name of a space (empty text for the personal space), each space read once; empty when unreadable. */
    private Optional<String> spaceName(String spaceId) {
        if (spaceId == null) {
            return Optional.of("");
        }
        return spaceNames.computeIfAbsent(spaceId, id -> client.space(id).map(Space::name));
    }

    private ExportedConnection leftOut(String message, List<String> failures) {
        log.warn("Export: {}; left out", message);
        synchronized (failures) {
            failures.add(message);
        }
        progress.failed();
        return null;
    }

    private static ExportedConnection await(Future<ExportedConnection> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the export was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}

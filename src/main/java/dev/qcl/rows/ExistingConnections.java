package dev.qcl.rows;

import dev.qcl.csv.Names;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RejectedException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections that exist in each target space, listed once per space per run (one paged listing
 * instead of a look-up per row) and kept up to date with what this run creates. The listing runs
 * outside the map's lock, so senders of other spaces never wait for it; a listing the tenant refuses
 * is kept and thrown again for each row of that space (FAILED), and the run goes on.
 */
final class ExistingConnections {
    private static final String PERSONAL = "";
    /** Marks a normalized name's key; no connection name starts with a NUL. */
    private static final String NORMALIZED = "\u0000";

    private final QlikClient client;
    private final Map<String, SpaceListing> bySpace = new ConcurrentHashMap<>();

    ExistingConnections(QlikClient client) {
        this.client = client;
    }

    /**
     * The connection named {@code qName} in the space (null: personal), if it exists.
     *
     * @throws RejectedException when the tenant refused or garbled the space's listing
     */
    Optional<ExistingConnection> find(String spaceId, String qName) {
        SpaceListing space = space(spaceId);
        Optional<ExistingConnection> exact = Optional.ofNullable(space.byName().get(qName));
        // a connection whose name differs only in Unicode form or hidden spaces looks the same: it is the one
        return exact.isPresent() ? exact : Optional.ofNullable(space.byName().get(normalizedKey(qName)));
    }

    void remember(ExistingConnection connection) {
        if (connection.qName() != null) {
            Map<String, ExistingConnection> byName = space(connection.spaceId()).byName();
            byName.put(connection.qName(), connection);
            byName.putIfAbsent(normalizedKey(connection.qName()), connection);
        }
    }

    /** The key of a name read as the sheet's are ({@link Names}); apart from the exact names. */
    private static String normalizedKey(String qName) {
        return NORMALIZED + Names.normalized(qName);
    }

    private SpaceListing space(String spaceId) {
        return bySpace.computeIfAbsent(spaceId == null ? PERSONAL : spaceId, k -> new SpaceListing(spaceId));
    }

    /** One space's listing, made by the first sender that needs it; the others of that space wait for it. */
    private final class SpaceListing {
        private final String spaceId;
        private Map<String, ExistingConnection> byName;
        private RejectedException failure;

        SpaceListing(String spaceId) {
            this.spaceId = spaceId;
        }

        synchronized Map<String, ExistingConnection> byName() {
            if (failure != null) {
                throw failure;
            }
            if (byName == null) {
                try {
                    Map<String, ExistingConnection> listed = new ConcurrentHashMap<>();
                    for (ExistingConnection c : client.connectionsInSpace(spaceId)) {
                        // a tenant may list odd items (no name): they cannot be what a row names
                        if (c != null && c.qName() != null) {
                            listed.putIfAbsent(c.qName(), c);
                            listed.putIfAbsent(normalizedKey(c.qName()), c);
                        }
                    }
                    byName = listed;
                } catch (RejectedException e) {
                    failure = e;
                    throw e;
                }
            }
            return byName;
        }
    }
}

package dev.qcl.batch;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.ExistingConnection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections that exist in each target space, listed once per space per run (one paged listing
 * instead of a look-up per row) and kept up to date with what this run creates.
 */
final class ExistingConnections {
    private static final String PERSONAL = "";

    private final QlikClient client;
    private final Map<String, Map<String, ExistingConnection>> bySpace = new ConcurrentHashMap<>();

    ExistingConnections(QlikClient client) {
        this.client = client;
    }

    Optional<ExistingConnection> find(String spaceId, String qName) {
        return Optional.ofNullable(space(spaceId).get(qName));
    }

    void remember(ExistingConnection connection) {
        space(connection.spaceId()).put(connection.qName(), connection);
    }

    private Map<String, ExistingConnection> space(String spaceId) {
        String key = spaceId == null ? PERSONAL : spaceId;
        return bySpace.computeIfAbsent(key, k -> {
            Map<String, ExistingConnection> byName = new ConcurrentHashMap<>();
            for (ExistingConnection c : client.connectionsInSpace(spaceId)) {
                byName.put(c.qName(), c);
            }
            return byName;
        });
    }
}

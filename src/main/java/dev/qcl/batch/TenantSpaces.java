package dev.qcl.batch;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.Space;
import dev.qcl.spec.SpaceDirectory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant's spaces, each ID and each distinct name looked up once per run. */
final class TenantSpaces implements SpaceDirectory {
    private final QlikClient client;
    private final Map<String, Boolean> existsById = new ConcurrentHashMap<>();
    private final Map<String, List<String>> idsByName = new ConcurrentHashMap<>();

    TenantSpaces(QlikClient client) {
        this.client = client;
    }

    @Override
    public boolean exists(String spaceId) {
        return existsById.computeIfAbsent(spaceId, id -> client.space(id).isPresent());
    }

    @Override
    public List<String> idsByExactName(String name) {
        return idsByName.computeIfAbsent(name, n -> client.spacesNamed(n).stream()
                .map(Space::id)
                .toList());
    }
}

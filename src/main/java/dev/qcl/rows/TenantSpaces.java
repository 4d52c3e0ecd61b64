package dev.qcl.rows;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.connector.TenantReadException;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.Space;
import dev.qcl.qlik.failure.RejectedException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tenant's spaces, each ID and each distinct name looked up once per run. A look-up the tenant
 * refuses is kept as well: the rows that need it are FAILED with its status, the run goes on. Look-ups
 * run outside the maps' locks.
 */
public final class TenantSpaces implements SpaceDirectory {
    private final QlikClient client;
    private final Map<String, Answer<Boolean>> existsById = new ConcurrentHashMap<>();
    private final Map<String, Answer<List<Space>>> searches = new ConcurrentHashMap<>();

    public TenantSpaces(QlikClient client) {
        this.client = client;
    }

    @Override
    public boolean exists(String spaceId) {
        return existsById
                .computeIfAbsent(
                        spaceId, id -> new Answer<>(() -> client.space(id).isPresent()))
                .get();
    }

    @Override
    public List<String> idsByExactName(String name) {
        return search(name).stream()
                .filter(space -> name.equals(space.name()))
                .map(Space::id)
                .toList();
    }

    /**
     * The names the tenant's search finds, also for the name's decomposed form (NFD): a substring search
     * for "Café" written as one character does not find a space named with "e" and an accent apart.
     */
    @Override
    public List<String> namesLike(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFD);
        List<Space> found = new ArrayList<>(search(name));
        if (!decomposed.equals(name)) {
            found.addAll(search(decomposed));
        }
        return found.stream()
                .map(Space::name)
                .filter(n -> n != null && !n.isBlank())
                .distinct()
                .toList();
    }

    private List<Space> search(String name) {
        return searches.computeIfAbsent(name, n -> new Answer<>(() -> client.spacesMatching(n)))
                .get();
    }

    /** One look-up, made by the first thread that asks; its answer or its refusal is kept. */
    private static final class Answer<T> {
        private final Supplier<T> lookUp;
        private T value;
        private TenantReadException failure;

        Answer(Supplier<T> lookUp) {
            this.lookUp = lookUp;
        }

        synchronized T get() {
            if (failure != null) {
                throw failure;
            }
            if (value == null) {
                try {
                    value = lookUp.get();
                } catch (RejectedException e) {
                    failure = new TenantReadException(e.getMessage(), e.httpStatus(), e.attempts());
                    throw failure;
                }
            }
            return value;
        }
    }
}

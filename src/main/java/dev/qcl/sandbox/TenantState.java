package dev.qcl.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Spaces and connections of the sandbox tenant. One monitor guards everything, so a create's
 * "does the name exist in this space" check and its insert are one atomic step under concurrency.
 */
final class TenantState {

    static final String DATA_FILES = "DataFiles";

    /** A stored connection with its insertion sequence (the paging cursor) and whether it is a built-in. */
    record Entry(long seq, boolean builtIn, StoredConnection connection) {}

    /** One page of connections and whether more follow. */
    record Page(List<Entry> entries, boolean hasMore, int total) {}

    private final Clock clock;
    private final String personalSpaceId;
    private final Map<String, SandboxSpace> spaces = new LinkedHashMap<>();
    private final Map<String, Entry> connections = new LinkedHashMap<>();
    private final Map<String, String> idByName = new HashMap<>();
    private long nextSeq = 1;
    private volatile boolean admin = true;

    TenantState(Clock clock, String personalSpaceId) {
        this.clock = clock;
        this.personalSpaceId = personalSpaceId;
        addDataFiles(personalSpaceId);
    }

    /** Whether the API key's owner has the admin role (the bulk actions need it). */
    boolean admin() {
        return admin;
    }

    void setAdmin(boolean admin) {
        this.admin = admin;
    }

    String personalSpaceId() {
        return personalSpaceId;
    }

    Instant now() {
        return clock.instant();
    }

    synchronized SandboxSpace addSpace(String id, String name, String type) {
        if (spaces.containsKey(id) || id.equals(personalSpaceId)) {
            throw new IllegalArgumentException("Space ID already in use: " + id);
        }
        SandboxSpace space = new SandboxSpace(id, name, type);
        spaces.put(id, space);
        addDataFiles(id);
        return space;
    }

    synchronized SandboxSpace addSpace(String name, String type) {
        String id;
        do {
            id = String.format(
                    "%08x%08x%08x",
                    ThreadLocalRandom.current().nextInt(),
                    ThreadLocalRandom.current().nextInt(),
                    ThreadLocalRandom.current().nextInt());
        } while (spaces.containsKey(id));
        return addSpace(id, name, type);
    }

    synchronized List<SandboxSpace> spaces() {
        return List.copyOf(spaces.values());
    }

    synchronized Optional<SandboxSpace> space(String id) {
        return Optional.ofNullable(spaces.get(id));
    }

    /** A space that connections can live in: a listed space or the personal space. */
    synchronized boolean isConnectionSpace(String id) {
        return spaces.containsKey(id) || personalSpaceId.equals(id);
    }

    /** Stores a new connection, or throws 409 when its name is taken in that space. */
    synchronized StoredConnection create(
            String spaceId, String qName, String dataSourceId, Map<String, Object> properties, List<String> tags) {
        requireNameFree(spaceId, qName, null);
        Instant now = now();
        var connection = new StoredConnection(
                UUID.randomUUID().toString(), qName, dataSourceId, spaceId, properties, tags, now, now);
        store(new Entry(nextSeq++, false, connection));
        return connection;
    }

    /**
     * Replaces a user connection by applying {@code change}; throws 404, 400 (built-in) or 409 (name taken).
     * Its {@code updated} time moves on with every change, also with two changes in one millisecond (the
     * tenant shows milliseconds), so that a client can tell by it that the connection changed.
     */
    synchronized void update(String id, UnaryOperator<StoredConnection> change) {
        Entry entry = userEntry(id);
        StoredConnection changed = change.apply(entry.connection());
        requireNameFree(changed.spaceId(), changed.qName(), id);
        Instant shown = entry.connection().updated().truncatedTo(ChronoUnit.MILLIS);
        Instant now = now();
        var stamped = new StoredConnection(
                id,
                changed.qName(),
                changed.dataSourceId(),
                changed.spaceId(),
                changed.properties(),
                changed.tags(),
                entry.connection().created(),
                now.isAfter(shown.plusMillis(1).minusNanos(1)) ? now : shown.plusMillis(1));
        idByName.remove(nameKey(entry.connection()));
        store(new Entry(entry.seq(), false, stamped));
    }

    synchronized void delete(String id) {
        StoredConnection removed = userEntry(id).connection();
        connections.remove(removed.id());
        idByName.remove(nameKey(removed));
    }

    synchronized Optional<Entry> byId(String id) {
        return Optional.ofNullable(connections.get(id));
    }

    synchronized Optional<Entry> byName(String spaceId, String qName) {
        return Optional.ofNullable(idByName.get(nameKey(spaceId, qName))).map(connections::get);
    }

    /** The entries matching {@code filter} with a sequence after {@code afterSeq}, at most {@code limit}. */
    synchronized Page page(Predicate<Entry> filter, long afterSeq, int limit) {
        List<Entry> matching = connections.values().stream().filter(filter).toList();
        List<Entry> after = matching.stream().filter(e -> e.seq() > afterSeq).toList();
        return new Page(
                new ArrayList<>(after.subList(0, Math.min(limit, after.size()))),
                after.size() > limit,
                matching.size());
    }

    synchronized List<StoredConnection> userConnections() {
        return connections.values().stream()
                .filter(e -> !e.builtIn())
                .map(Entry::connection)
                .toList();
    }

    private Entry userEntry(String id) {
        Entry entry = connections.get(id);
        if (entry == null) {
            throw SandboxApiException.notFound("Data connection not found: " + id);
        }
        if (entry.builtIn()) {
            throw SandboxApiException.badRequest("The built-in DataFiles connection cannot be changed or deleted");
        }
        return entry;
    }

    private void requireNameFree(String spaceId, String qName, String exceptId) {
        String holder = idByName.get(nameKey(spaceId, qName));
        if (holder != null && !holder.equals(exceptId)) {
            throw SandboxApiException.conflict(
                    "A data connection named '" + qName + "' already exists in space " + spaceId);
        }
    }

    private void addDataFiles(String spaceId) {
        // stable ID per space, so a DataFiles connection looks the same in every run
        String id = UUID.nameUUIDFromBytes((DATA_FILES + ":" + spaceId).getBytes(StandardCharsets.UTF_8))
                .toString();
        Instant now = now();
        var dataFiles = new StoredConnection(id, DATA_FILES, DATA_FILES, spaceId, Map.of(), List.of(), now, now);
        store(new Entry(nextSeq++, true, dataFiles));
    }

    private void store(Entry entry) {
        connections.put(entry.connection().id(), entry);
        idByName.put(nameKey(entry.connection()), entry.connection().id());
    }

    private static String nameKey(StoredConnection connection) {
        return nameKey(connection.spaceId(), connection.qName());
    }

    private static String nameKey(String spaceId, String qName) {
        return spaceId + '\u0000' + qName;
    }
}

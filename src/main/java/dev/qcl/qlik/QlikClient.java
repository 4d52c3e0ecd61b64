package dev.qcl.qlik;

import dev.qcl.qlik.api.BulkDeleteOutcome;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.DataSources;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.Space;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunStoppingException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Qlik Cloud tenant's REST API as qcl uses it. Thread-safe: share one instance. Reads and writes
 * each follow their tier's {@link WritePolicy}; failures are {@link RejectedException} (the row
 * fails) or {@link RunStoppingException} (the run stops).
 */
public final class QlikClient implements AutoCloseable {
    private final TenantHttp http;
    private final TenantReads reads;
    private final ConnectionWrites writes;
    private final WritePolicy readPolicy;
    private final WritePolicy writePolicy;
    private final ConnectionDeletes deletes;

    public QlikClient(QlikSettings settings, HttpStats stats) {
        this(settings, stats, Clock.systemUTC(), Sleeper.real());
    }

    public QlikClient(QlikSettings settings, HttpStats stats, Clock clock, Sleeper sleeper) {
        this(settings, stats, clock, sleeper, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** With the random source of the backoff jitter, for tests that need exact waits. */
    QlikClient(QlikSettings settings, HttpStats stats, Clock clock, Sleeper sleeper, DoubleSupplier jitter) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(stats, "stats");
        // Boot's RestClient default would use a plain JsonMapper; ours tolerates new tenant fields
        JsonMapper jsonMapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        this.http = new TenantHttp(settings, jsonMapper, stats, clock);
        this.readPolicy = new WritePolicy("read", settings.readsPerMinute(), settings, stats, clock, sleeper, jitter);
        this.writePolicy =
                new WritePolicy("write", settings.writesPerMinute(), settings, stats, clock, sleeper, jitter);
        TenantCalls calls = new TenantCalls(settings, http, readPolicy, writePolicy, clock, jsonMapper);
        ApiUris uris = new ApiUris(settings.apiRoot());
        SecretMasker masker = new SecretMasker(http.tokens()::secrets, List.of());
        ConnectionLookup lookup = new ConnectionLookup(calls, uris);
        this.reads = new TenantReads(
                calls, readPolicy, uris, masker, lookup, new ListingPages(uris, settings.maxListingPages()));
        this.writes = new ConnectionWrites(calls, writePolicy, uris, masker, lookup);
        this.deletes = new ConnectionDeletes(calls, writePolicy, uris, masker);
    }
    /** GET {@code /data-sources}. */
    public DataSources dataSources() {
        return reads.dataSources();
    }

    /** GET {@code /data-sources/{id}/api-specs} as raw JSON text; empty on 404 (unknown or disabled). */
    public Optional<String> apiSpecJson(String dataSourceId) {
        return reads.apiSpecJson(dataSourceId);
    }

    /** GET {@code /spaces/{id}}; empty on 404. */
    public Optional<Space> space(String spaceId) {
        return reads.space(spaceId);
    }

    /** The spaces named exactly {@code name}, from every page of the API's substring search. */
    public List<Space> spacesNamed(String name) {
        return reads.spacesNamed(Objects.requireNonNull(name, "name"));
    }

    /** Every space the tenant's name search finds for {@code name}: any case, the name as a part of theirs. */
    public List<Space> spacesMatching(String name) {
        return reads.spacesMatching(Objects.requireNonNull(name, "name"));
    }

    /** Every connection of a space (null: the personal space) except the built-in DataFiles, all pages. */
    public List<ExistingConnection> connectionsInSpace(String spaceId) {
        return reads.connectionsInSpace(spaceId);
    }

    /** Every connection the identity can read, in every space, except the built-in DataFiles, all pages. */
    public List<ExistingConnection> connectionsVisible() {
        return reads.connectionsVisible();
    }

    /** GET {@code /data-connections/{id}?parseConnection=true}: with its non-secret properties; empty on 404. */
    public Optional<ExistingConnection> parsedConnectionById(String connectionId) {
        return reads.parsedConnectionById(Objects.requireNonNull(connectionId, "connectionId"));
    }

    /** The connection named {@code qName} in the space (null: personal); empty when absent. */
    public Optional<ExistingConnection> connectionByName(String qName, String spaceId) {
        return reads.connectionByName(qName, spaceId, false);
    }

    /** Like {@link #connectionByName} with {@code parseConnection=true}: includes its connectionProperties. */
    public Optional<ExistingConnection> connectionForUpdate(String qName, String spaceId) {
        return reads.connectionByName(qName, spaceId, true);
    }

    /**
     * POST {@code /data-connections}. When an attempt's outcome is unknown (sent, no answer), the
     * next attempt looks the name up before sending again, so a row is never created twice.
     */
    public CreateOutcome create(CreateRequest request) {
        return writes.create(Objects.requireNonNull(request, "request"));
    }

    /** PATCH {@code /data-connections/{id}} with a JSON-patch list; {@code secretTexts} are masked in messages. */
    public WriteOutcome patch(String connectionId, List<PatchOperation> operations, Collection<String> secretTexts) {
        return writes.patch(Objects.requireNonNull(connectionId, "connectionId"), operations, secretTexts);
    }

    /** Every connection the identity can list, in every space, that carries {@code tag}. */
    public List<ExistingConnection> connectionsTagged(String tag) {
        return reads.connectionsTagged(Objects.requireNonNull(tag, "tag"));
    }

    /** GET {@code /data-connections/{id}}; empty on 404. */
    public Optional<ExistingConnection> connectionById(String connectionId) {
        return reads.connectionById(Objects.requireNonNull(connectionId, "connectionId"));
    }

    /** POST {@code /data-connections/actions/delete} (admins only: others get a {@link RejectedException} 403). */
    public BulkDeleteOutcome deleteConnections(List<String> connectionIds) {
        return deletes.deleteAll(List.copyOf(connectionIds));
    }

    /** DELETE {@code /data-connections/{id}}; a 404 (gone already) is returned, not thrown. */
    public WriteOutcome deleteConnection(String connectionId) {
        return deletes.delete(Objects.requireNonNull(connectionId, "connectionId"));
    }

    /** The write tier's budget now: room in the window, a tenant's pause, what 429s taught. */
    public BudgetView writeBudget() {
        return writePolicy.view();
    }

    /** The run is stopping: calls that would have to wait (pace, pause, backoff) give up at once. */
    public void stopWaiting() {
        readPolicy.stop();
        writePolicy.stop();
    }

    /** True once {@link #stopWaiting()} was called: work not yet begun should not begin. */
    public boolean stopping() {
        return writePolicy.stopping();
    }

    @Override
    public void close() {
        http.close();
    }
}

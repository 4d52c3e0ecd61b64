package dev.qcl.qlik;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Qlik Cloud tenant's REST API as qcl uses it. Thread-safe: share one instance. Reads go
 * through the tier-1 pacer, writes through the tier-2 pacer; failures are {@link RejectedException}
 * (the row fails) or {@link RunStoppingException} (the run stops).
 */
public final class QlikClient implements AutoCloseable {
    private static final int READ_BURST = 50;
    private final TenantHttp http;
    private final TenantReads reads;
    private final ConnectionWrites writes;
    private final ConnectionDeletes deletes;
    private final RatePacer writePacer;

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
        this.http = new TenantHttp(settings, jsonMapper, stats);
        // a run starts with a handful of reads (data sources, specs, spaces): let them go at once;
        // the read quota (1,000 a minute over 5 minutes) has room for that, the write quota has not
        RatePacer readPacer =
                new RatePacer("read", settings.readsPerMinute(), READ_BURST, RatePacer.DEFAULT_QUIET_PERIOD, clock, sleeper);
        this.writePacer = new RatePacer("write", settings.writesPerMinute(), clock, sleeper);
        TenantCalls calls = new TenantCalls(settings, http, readPacer, writePacer, stats, clock, jsonMapper);
        RetryPolicy retry = new RetryPolicy(settings, stats, clock, sleeper, jitter);
        ApiUris uris = new ApiUris(settings.apiRoot());
        SecretMasker masker = new SecretMasker(settings.apiKey(), List.of());
        ConnectionLookup lookup = new ConnectionLookup(calls, uris);
        this.reads = new TenantReads(calls, retry, uris, masker, lookup);
        this.writes = new ConnectionWrites(calls, retry, uris, masker, lookup);
        this.deletes = new ConnectionDeletes(calls, retry, uris, masker);
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

    /** Every connection of a space (null: the personal space) except the built-in DataFiles, all pages. */
    public List<ExistingConnection> connectionsInSpace(String spaceId) {
        return reads.connectionsInSpace(spaceId);
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

    /** Changes the write pace ({@code --rate-limit}) for every thread. */
    /** How much longer the tenant's quota holds all writes (zero when writes may go). */
    public Duration writePausedFor() {
        return writePacer.pausedFor();
    }

    public void setWritesPerMinute(int perMinute) {
        writePacer.setPerMinute(perMinute);
    }

    @Override
    public void close() {
        http.close();
    }
}

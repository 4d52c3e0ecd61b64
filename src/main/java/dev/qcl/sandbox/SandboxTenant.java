package dev.qcl.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A stateful sandbox Qlik Cloud tenant on 127.0.0.1: data sources, api-specs, spaces and data
 * connections under {@code /api/v1}, with optional write quota, latency and injected faults.
 * Start it with {@link #start(SandboxSettings)} and close it when done.
 */
public final class SandboxTenant implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxTenant.class);
    private static final int CONTAINER_THREADS = 50;
    private static final int JOURNAL_ENTRIES = 20_000;

    private final WireMockServer server;
    private final SandboxSettings settings;
    private final TenantState state;
    private final ConnectorCatalog catalog;
    private final TrafficCounters counters;
    private final SandboxOAuth oauth;

    private SandboxTenant(
            WireMockServer server,
            SandboxSettings settings,
            TenantState state,
            ConnectorCatalog catalog,
            TrafficCounters counters,
            SandboxOAuth oauth) {
        this.oauth = oauth;
        this.server = server;
        this.settings = settings;
        this.state = state;
        this.catalog = catalog;
        this.counters = counters;
    }

    /** Starts a tenant seeded with the {@link SandboxSeed} spaces and no user connections. */
    public static SandboxTenant start(SandboxSettings settings) {
        return start(settings, Clock.systemUTC());
    }

    /** With the clock that dates connections and expires access tokens, for tests that move time. */
    public static SandboxTenant start(SandboxSettings settings, Clock clock) {
        return start(settings, clock, ReadQuota.none());
    }

    /** A tenant that also enforces a read (tier-1) quota; several tenants may run at once, each on its own port. */
    public static SandboxTenant start(SandboxSettings settings, ReadQuota readQuota) {
        return start(settings, Clock.systemUTC(), readQuota);
    }

    static SandboxTenant start(SandboxSettings settings, Clock clock, ReadQuota readQuota) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(readQuota, "readQuota");
        var catalog = ConnectorCatalog.fromClasspath();
        var state = new TenantState(clock, SandboxSeed.PERSONAL_SPACE_ID);
        SandboxSeed.SPACES.forEach(s -> state.addSpace(s.id(), s.name(), s.type()));
        var view = new ConnectionView(catalog, state.personalSpaceId());
        var router = new ApiRouter(
                new CatalogEndpoints(catalog, Json.timestamp(clock.instant())),
                new SpacesEndpoint(state),
                new ConnectionReads(state, view),
                new ConnectionWrites(state, catalog, view));
        var counters = new TrafficCounters();
        var quota = new WriteQuota(
                settings.writeQuotaPerMinute(),
                settings.writeQuotaWindow().toMillis(),
                settings.otherClientShare(),
                settings.otherClientBurst(),
                settings.otherClientEvery().toMillis(),
                () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime()));
        var dice = new FaultDice(settings.randomSeed(), settings.failureRate503(), settings.dropAfterCommitRate());
        var oauth = new SandboxOAuth(clock);
        var gateway = new TenantGateway(settings.apiKey(), quota, dice, router, counters, oauth, readQuota);
        var server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .port(settings.port())
                .containerThreads(CONTAINER_THREADS)
                .http2PlainDisabled(true)
                // neither is used, and both cost start-up time
                .templatingEnabled(false)
                .extensionScanningEnabled(false)
                .maxRequestJournalEntries(JOURNAL_ENTRIES)
                .notifier(new Slf4jWireMockNotifier())
                .extensions(new SandboxTransformer(gateway, settings.latency().toMillis())));
        server.start();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withTransformers(SandboxTransformer.NAME)));
        var tenant = new SandboxTenant(server, settings, state, catalog, counters, oauth);
        LOG.info("Sandbox tenant listening on {} ({})", tenant.url(), settings);
        return tenant;
    }

    /** Base URL without path, for example {@code http://127.0.0.1:54321}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public String apiKey() {
        return settings.apiKey();
    }

    /** The OAuth machine-to-machine clients and the access tokens of this tenant. */
    public SandboxOAuth oauth() {
        return oauth;
    }

    public int port() {
        return server.port();
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** The underlying server, for tests that read the request journal. */
    public WireMockServer server() {
        return server;
    }

    /** User connections (no built-in DataFiles ones), secrets included, in creation order. */
    public List<StoredConnection> connections() {
        return state.userConnections();
    }

    public List<StoredConnection> connectionsNamed(String qName) {
        return connections().stream().filter(c -> c.qName().equals(qName)).toList();
    }

    /** POST requests received, whatever the answer. */
    public long createRequests() {
        return counters.creates.get();
    }

    /** POST, PATCH, PUT and DELETE requests received, whatever the answer. */
    public long writeRequests() {
        return counters.writes.get();
    }

    /** Authenticated GET requests received, whatever the answer. */
    public long readRequests() {
        return counters.reads.get();
    }

    /** 429 answers sent. */
    public long throttledRequests() {
        return counters.throttled.get();
    }

    /**
     * Whether the API key's owner is a tenant admin (default yes). A non-admin gets 403 from the bulk
     * actions ({@code /data-connections/actions/delete}) and must delete one by one.
     */
    public void setAdmin(boolean admin) {
        state.setAdmin(admin);
    }

    /** Adds a space with a fresh 24-hex-digit ID and returns that ID. */
    public String addSpace(String name, String type) {
        return state.addSpace(name, type).id();
    }

    public List<SandboxSpace> spaces() {
        return state.spaces();
    }

    public String personalSpaceId() {
        return state.personalSpaceId();
    }

    /**
     * Seeds an existing connection, checked like a create; {@code spaceId} null means the personal space.
     * Throws {@link IllegalArgumentException} when the tenant would have rejected it.
     */
    public StoredConnection addConnection(
            String spaceId, String qName, String dataSourceId, Map<String, Object> properties) {
        return addConnection(spaceId, qName, dataSourceId, properties, List.of());
    }

    /** Seeds an existing connection with user tags (an owned set's {@code qcl:} tag, say). */
    public StoredConnection addConnection(
            String spaceId, String qName, String dataSourceId, Map<String, Object> properties, List<String> tags) {
        String space = spaceId == null ? state.personalSpaceId() : spaceId;
        try {
            ConnectorSpec spec = catalog.find(dataSourceId)
                    .orElseThrow(() -> SandboxApiException.badRequest("Unknown data source: " + dataSourceId));
            if (!state.isConnectionSpace(space)) {
                throw SandboxApiException.notFound("Space not found: " + space);
            }
            JsonNode tree = Json.toTree(properties);
            PropertyRules.checkProperties(spec, tree);
            return state.create(
                    space,
                    qName,
                    dataSourceId,
                    ConnectionWrites.toMap(tree),
                    ConnectionWrites.withTenantTag(PropertyRules.checkTags(Json.toTree(tags)), spec));
        } catch (SandboxApiException e) {
            throw new IllegalArgumentException("Cannot seed connection '" + qName + "': " + e.detail(), e);
        }
    }

    @Override
    public void close() {
        if (server.isRunning()) {
            server.stop();
            LOG.info("Sandbox tenant stopped after {} write requests", counters.writes.get());
        }
    }
}

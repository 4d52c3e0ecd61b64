package dev.qcl.connector;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenant's data sources and api-specs for one run: the data-source list is fetched once, each
 * spec at most once, and specs are kept on disk while younger than the TTL and not older than
 * the data-source list's {@code lastUpdated} (which moves when Qlik upgrades connectors). Thread-safe.
 *
 * <p>The tenant names a connector's version only in its api-specs ({@code connectorVersion}; the data
 * source list has none), and a new version may add or drop a required property without moving
 * {@code lastUpdated}. So with {@code checkVersion} a cached spec is read again once per cache, and when
 * its version moved the new one is used and said so: rows are validated against what the tenant
 * checks, not refused by it. A check the tenant refuses leaves the cached spec in use, with a warning.
 */
public final class SpecCache {
    private static final Logger log = LoggerFactory.getLogger(SpecCache.class);

    private final SpecSource source;
    private final SpecFiles files;
    private final Duration ttl;
    private final boolean checkVersion;
    private final Clock clock;
    private final ApiSpecParser parser;
    private final ConcurrentMap<String, SpecSlot> slots = new ConcurrentHashMap<>();
    private DataSourceList dataSources;
    private TenantReadException dataSourcesFailure;

    /**
     * @param cacheDir the folder of this tenant's cached specs, for example {@code <home>/specs/<tenant host>}
     * @param ttl a cached spec older than this is fetched again
     * @param checkVersion whether a younger cached spec is read again once, to compare its connector version
     */
    public SpecCache(
            SpecSource source, Path cacheDir, Duration ttl, boolean checkVersion, Clock clock, SecretPolicy secrets) {
        this.source = Objects.requireNonNull(source, "source");
        this.ttl = Objects.requireNonNull(ttl, "ttl");
        this.checkVersion = checkVersion;
        this.clock = Objects.requireNonNull(clock, "clock");
        JsonMapper mapper = JsonMapper.builder().build();
        this.files = new SpecFiles(Objects.requireNonNull(cacheDir, "cacheDir"), mapper);
        this.parser = new ApiSpecParser(mapper, Objects.requireNonNull(secrets, "secrets"));
    }

    /** Whether the tenant offers this data source (exact, case-sensitive ID). */
    public boolean dataSourceExists(String id) {
        return dataSources().dataSourceIds().contains(id);
    }

    /** The tenant's data source IDs, fetched on first use. */
    public List<String> dataSourceIds() {
        return dataSources().dataSourceIds();
    }

    /**
     * The spec of a data source; empty when the tenant does not know it (or answers 404 for its spec).
     *
     * @throws TenantReadException when the tenant refuses the data-source list or the spec
     * @throws InvalidApiSpecException when the spec cannot be read as one
     */
    public Optional<ApiSpec> spec(String dataSourceId) {
        if (!dataSourceExists(dataSourceId)) {
            return Optional.empty();
        }
        return slots.computeIfAbsent(dataSourceId, SpecSlot::new).get();
    }

    /** The specs on disk, by data source ID; unreadable files are left out. Reads nothing from the tenant. */
    public List<ApiSpec> cached() {
        List<ApiSpec> specs = new ArrayList<>();
        for (SpecFiles.Entry entry : files.readAll()) {
            parseCached(entry).ifPresent(specs::add);
        }
        return specs;
    }

    /** Fetches the given specs again (none given: every cached one) and stores them; unknown IDs are left out. */
    public List<ApiSpec> refresh(Collection<String> ids) {
        Collection<String> wanted =
                ids.isEmpty() ? cached().stream().map(ApiSpec::dataSourceId).toList() : new LinkedHashSet<>(ids);
        List<ApiSpec> refreshed = new ArrayList<>();
        for (String id : wanted) {
            slots.computeIfAbsent(id, SpecSlot::new).refresh().ifPresent(refreshed::add);
        }
        return refreshed;
    }

    /** Fetched once; a refusal is kept too, so that every row meets it without asking the tenant again. */
    private synchronized DataSourceList dataSources() {
        if (dataSourcesFailure != null) {
            throw dataSourcesFailure;
        }
        if (dataSources == null) {
            try {
                dataSources = Objects.requireNonNull(source.dataSources(), "the spec source gave no data-source list");
            } catch (TenantReadException e) {
                dataSourcesFailure = e;
                throw e;
            }
        }
        return dataSources;
    }

    private boolean fresh(ApiSpec spec) {
        Instant now = clock.instant();
        Instant lastUpdated = dataSources().lastUpdated();
        return now.isBefore(spec.fetchedAt().plus(ttl))
                && (lastUpdated == null || !spec.fetchedAt().isBefore(lastUpdated));
    }

    private Optional<ApiSpec> parseCached(SpecFiles.Entry entry) {
        try {
            return Optional.of(parser.parse(entry.dataSourceId(), entry.spec(), entry.fetchedAt()));
        } catch (InvalidApiSpecException e) {
            log.info(
                    "ignoring the cached api-specs of {} ({}); they will be fetched again",
                    entry.dataSourceId(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<ApiSpec> fetch(String dataSourceId, Optional<ApiSpec> previous) {
        Optional<String> json = source.apiSpecJson(dataSourceId);
        if (json.isEmpty()) {
            files.delete(dataSourceId);
            return Optional.empty();
        }
        JsonNode tree = parser.readTree(dataSourceId, json.get());
        ApiSpec spec = parser.parse(dataSourceId, tree, clock.instant());
        previous.filter(old -> !old.connectorVersion().equals(spec.connectorVersion()))
                .ifPresent(old -> log.info(
                        "api-specs of {} refreshed: connector {} -> {}",
                        dataSourceId,
                        old.connectorVersion(),
                        spec.connectorVersion()));
        files.write(new SpecFiles.Entry(dataSourceId, spec.connectorVersion(), spec.fetchedAt(), tree));
        return Optional.of(spec);
    }

    /**
     * One data source's spec, loaded at most once however many threads ask (outside the map's lock).
     * A refused or unusable spec is kept as well, so the connector's other rows fail the same way
     * without asking again; {@link #refresh()} tries again.
     */
    private final class SpecSlot {
        private final String dataSourceId;
        private Optional<ApiSpec> spec;
        private RuntimeException failure;

        SpecSlot(String dataSourceId) {
            this.dataSourceId = dataSourceId;
        }

        synchronized Optional<ApiSpec> get() {
            if (failure != null) {
                throw failure;
            }
            if (spec == null) {
                Optional<ApiSpec> cached = files.read(dataSourceId).flatMap(SpecCache.this::parseCached);
                if (cached.isEmpty() || !fresh(cached.get())) {
                    spec = load(cached);
                } else {
                    spec = checkVersion ? check(cached.get()) : cached;
                }
            }
            return spec;
        }

        /** The tenant's spec when it can be had (its version compared), else the cached one, said once. */
        private Optional<ApiSpec> check(ApiSpec cached) {
            try {
                return fetch(dataSourceId, Optional.of(cached));
            } catch (TenantReadException | InvalidApiSpecException e) {
                log.warn(
                        "api-specs of {} could not be checked against the tenant ({}); validating with the cached"
                                + " ones of connector {}",
                        dataSourceId,
                        e.getMessage(),
                        cached.connectorVersion());
                return Optional.of(cached);
            }
        }

        synchronized Optional<ApiSpec> refresh() {
            Optional<ApiSpec> previous = spec != null && spec.isPresent()
                    ? spec
                    : files.read(dataSourceId).flatMap(SpecCache.this::parseCached);
            failure = null;
            spec = load(previous);
            return spec;
        }

        private Optional<ApiSpec> load(Optional<ApiSpec> previous) {
            try {
                return fetch(dataSourceId, previous);
            } catch (TenantReadException | InvalidApiSpecException e) {
                failure = e;
                throw e;
            }
        }
    }
}

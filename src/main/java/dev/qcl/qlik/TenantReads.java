package dev.qcl.qlik;

import dev.qcl.qlik.TenantCalls.Call;
import dev.qcl.qlik.TenantCalls.Tier;
import dev.qcl.qlik.WireTypes.ConnectionJson;
import dev.qcl.qlik.WireTypes.ConnectionPage;
import dev.qcl.qlik.WireTypes.DataSourceJson;
import dev.qcl.qlik.WireTypes.DataSourcesJson;
import dev.qcl.qlik.WireTypes.SpacePage;
import dev.qcl.qlik.api.DataSourceInfo;
import dev.qcl.qlik.api.DataSources;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.Space;
import dev.qcl.qlik.failure.RejectedException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/** The GET calls behind {@link QlikClient}: each retried as one call, lists followed through every page. */
final class TenantReads {
    /** Items asked for per page: the most the tenant gives. */
    static final int PAGE_SIZE = 100;

    private final TenantCalls calls;
    private final WritePolicy retry;
    private final ApiUris uris;
    private final SecretMasker masker;
    private final ConnectionLookup lookup;
    private final ListingPages pages;

    TenantReads(
            TenantCalls calls,
            WritePolicy retry,
            ApiUris uris,
            SecretMasker masker,
            ConnectionLookup lookup,
            ListingPages pages) {
        this.calls = calls;
        this.retry = retry;
        this.uris = uris;
        this.masker = masker;
        this.lookup = lookup;
        this.pages = pages;
    }

    DataSources dataSources() {
        Call call = new Call("listing of data sources", masker);
        DataSourcesJson json = readJson(call, uris.of("/data-sources", Map.of()), false, DataSourcesJson.class)
                .orElseThrow();
        List<DataSourceInfo> sources = json.dataSources() == null
                ? List.of()
                : json.dataSources().stream()
                        .filter(source -> source != null && source.dataSourceId() != null)
                        .map(TenantReads::toInfo)
                        .toList();
        return new DataSources(sources, parseInstant(json.lastUpdated()));
    }

    Optional<String> apiSpecJson(String dataSourceId) {
        Call call = new Call("api-specs of data source '" + dataSourceId + "'", masker);
        URI uri = uris.of("/data-sources/{id}/api-specs", Map.of("id", dataSourceId), Map.of());
        return read(call, uri, true, (response, attempts) -> response.bodyText());
    }

    Optional<Space> space(String spaceId) {
        Call call = new Call("look-up of space " + spaceId, masker);
        return readJson(call, uris.of("/spaces/{id}", Map.of("id", spaceId), Map.of()), true, Space.class);
    }

    List<Space> spacesNamed(String name) {
        // the tenant's filter is a case-insensitive substring search
        return spacesMatching(name).stream()
                .filter(space -> name.equals(space.name()))
                .toList();
    }

    /** Every space the tenant's name search finds (any case, the name as a part); odd items are left out. */
    List<Space> spacesMatching(String name) {
        Call call = new Call("search for spaces named '" + name + "'", masker);
        URI first = uris.of("/spaces", ApiUris.query("name", name, "limit", PAGE_SIZE));
        return pages
                .all(
                        call,
                        first,
                        "/spaces",
                        uri -> readJson(call, uri, false, SpacePage.class).orElseThrow())
                .stream()
                .filter(space -> space != null && space.id() != null)
                .map(space -> new Space(space.id(), space.name(), space.type()))
                .toList();
    }

    List<ExistingConnection> connectionsInSpace(String spaceId) {
        Call call = new Call("listing of data connections in " + ConnectionLookup.spaceLabel(spaceId), masker);
        return connections(
                call,
                uris.of(
                        "/data-connections",
                        ApiUris.query(
                                "spaceId",
                                spaceId,
                                "personal",
                                spaceId == null ? "true" : null,
                                "limit",
                                PAGE_SIZE,
                                "noDatafiles",
                                "true")));
    }

    List<ExistingConnection> connectionsVisible() {
        Call call = new Call("listing of every data connection", masker);
        return connections(
                call, uris.of("/data-connections", ApiUris.query("limit", PAGE_SIZE, "noDatafiles", "true")));
    }

    Optional<ExistingConnection> parsedConnectionById(String id) {
        Call call = new Call("read of data connection " + id, masker);
        URI uri = uris.of("/data-connections/{id}", Map.of("id", id), ApiUris.query("parseConnection", "true"));
        return readJson(call, uri, true, ConnectionJson.class)
                .filter(json -> json.connectionId() != null)
                .map(ConnectionJson::toExisting);
    }

    /** Every page of a connection listing; a tenant may list odd items (null, or no ID): they are left out. */
    private List<ExistingConnection> connections(Call call, URI first) {
        return pages
                .all(
                        call,
                        first,
                        "/data-connections",
                        uri -> readJson(call, uri, false, ConnectionPage.class).orElseThrow())
                .stream()
                .filter(connection -> connection != null && connection.connectionId() != null)
                .map(ConnectionJson::toExisting)
                .toList();
    }

    /** Every page of {@code GET /data-connections} without a space filter, kept when tagged {@code tag}. */
    List<ExistingConnection> connectionsTagged(String tag) {
        Call call = new Call("listing of data connections tagged " + tag, masker);
        return connections(call, uris.of("/data-connections", ApiUris.query("limit", PAGE_SIZE, "noDatafiles", "true")))
                .stream()
                .filter(connection -> connection.tags().contains(tag))
                .toList();
    }

    Optional<ExistingConnection> connectionById(String connectionId) {
        Call call = new Call("look-up of data connection " + connectionId, masker);
        URI uri = uris.of("/data-connections/{id}", Map.of("id", connectionId), Map.of());
        return readJson(call, uri, true, ConnectionJson.class).map(ConnectionJson::toExisting);
    }

    Optional<ExistingConnection> connectionByName(String qName, String spaceId, boolean parseConnection) {
        Call call = new Call(
                "look-up of data connection '" + qName + "' in " + ConnectionLookup.spaceLabel(spaceId), masker);
        return retry.execute(call.subject(), attempt -> lookup.byName(qName, spaceId, parseConnection, call, attempt))
                .value();
    }

    private <T> Optional<T> readJson(Call call, URI uri, boolean emptyOn404, Class<T> type) {
        return read(call, uri, emptyOn404, (response, attempts) -> {
            T value = calls.read(response, type, call, attempts);
            if (value == null) {
                throw RejectedException.unreadable(call.subject(), response.status(), attempts);
            }
            return value;
        });
    }

    private <T> Optional<T> read(Call call, URI uri, boolean emptyOn404, ResponseReader<T> reader) {
        return retry.execute(call.subject(), attempt -> {
                    RawResponse response = calls.exchange(Tier.READ, HttpMethod.GET, uri, null, call, attempt);
                    if (emptyOn404 && response.status() == 404) {
                        return Optional.<T>empty();
                    }
                    if (!response.isSuccess()) {
                        throw calls.rejected(response, call, attempt.number());
                    }
                    return Optional.of(reader.read(response, attempt.number()));
                })
                .value();
    }

    private static DataSourceInfo toInfo(DataSourceJson json) {
        String name = json.dataSourceName() != null ? json.dataSourceName() : json.name();
        return new DataSourceInfo(json.dataSourceId(), name, json.provider(), json.providerName());
    }

    private static Instant parseInstant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @FunctionalInterface
    private interface ResponseReader<T> {
        T read(RawResponse response, int attempts);
    }
}

package dev.qcl.qlik;

import dev.qcl.qlik.TenantCalls.Call;
import dev.qcl.qlik.TenantCalls.Tier;
import dev.qcl.qlik.WireTypes.ConnectionJson;
import dev.qcl.qlik.WritePolicy.Attempt;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RejectedException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;

/** One attempt at finding a connection by name in a space; shared by the public look-ups and safe create. */
final class ConnectionLookup {
    private final TenantCalls calls;
    private final ApiUris uris;

    ConnectionLookup(TenantCalls calls, ApiUris uris) {
        this.calls = calls;
        this.uris = uris;
    }

    /**
     * GET {@code /data-connections/{name}?type=connectionname&spaceId=}; empty on 404 and when the
     * tenant answers with a connection of another space (a name is only unique within a space).
     */
    Optional<ExistingConnection> byName(
            String qName, String spaceId, boolean parseConnection, Call call, Attempt attempt) {
        URI uri = uris.of(
                "/data-connections/{name}",
                Map.of("name", qName),
                ApiUris.query(
                        "type",
                        "connectionname",
                        "spaceId",
                        spaceId,
                        "parseConnection",
                        parseConnection ? "true" : null));
        RawResponse response = calls.exchange(Tier.READ, HttpMethod.GET, uri, null, call, attempt);
        if (response.status() == 404) {
            return Optional.empty();
        }
        if (!response.isSuccess()) {
            throw calls.rejected(response, call, attempt.number());
        }
        ConnectionJson json = calls.read(response, ConnectionJson.class, call, attempt.number());
        if (json == null || json.connectionId() == null) {
            throw RejectedException.unreadable(call.subject(), response.status(), attempt.number());
        }
        ExistingConnection found = json.toExisting();
        String wanted = spaceId == null || spaceId.isBlank() ? null : spaceId;
        // a missing space field is trusted to the spaceId filter; a different space is not a match
        boolean otherSpace = found.spaceId() != null && !found.spaceId().equals(wanted);
        return otherSpace ? Optional.empty() : Optional.of(found);
    }

    static String spaceLabel(String spaceId) {
        return spaceId == null || spaceId.isBlank() ? "the personal space" : "space " + spaceId;
    }
}

package dev.qcl.qlik;

import dev.qcl.qlik.TenantCalls.Call;
import dev.qcl.qlik.TenantCalls.Tier;
import dev.qcl.qlik.api.BulkDeleteOutcome;
import dev.qcl.qlik.api.WriteOutcome;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;

/**
 * Deletes connections: many at once through the admin-only bulk action (207, one status per item), or
 * one {@code DELETE} each. Deleting is idempotent on the tenant's side (a second delete answers 404),
 * so a retry after a lost answer cannot delete anything twice.
 */
final class ConnectionDeletes {
    private final TenantCalls calls;
    private final WritePolicy retry;
    private final ApiUris uris;
    private final SecretMasker masker;

    ConnectionDeletes(TenantCalls calls, WritePolicy retry, ApiUris uris, SecretMasker masker) {
        this.calls = calls;
        this.retry = retry;
        this.uris = uris;
        this.masker = masker;
    }

    /** {@code POST /data-connections/actions/delete}; a 403 (not an admin) and other refusals are thrown. */
    BulkDeleteOutcome deleteAll(List<String> connectionIds) {
        Call call = new Call("bulk delete of " + connectionIds.size() + " data connection(s)", masker);
        URI uri = uris.of("/data-connections/actions/delete", Map.of());
        Map<String, Object> body = Map.of(
                "connections",
                connectionIds.stream().map(id -> Map.of("id", id)).toList());
        return retry.execute(call.subject(), attempt -> {
                    RawResponse response = calls.exchange(Tier.WRITE, HttpMethod.POST, uri, body, call, attempt);
                    if (!response.isSuccess()) {
                        throw calls.rejected(response, call, attempt.number());
                    }
                    BulkJson json = calls.read(response, BulkJson.class, call, attempt.number());
                    Map<String, BulkDeleteOutcome.Item> items = new LinkedHashMap<>();
                    if (json != null && json.data() != null) {
                        for (BulkItemJson item : json.data()) {
                            if (item.id() != null) {
                                String error = item.error() == null
                                        ? ""
                                        : masker.mask(item.error().describe());
                                items.put(item.id(), new BulkDeleteOutcome.Item(item.status(), error));
                            }
                        }
                    }
                    return new BulkDeleteOutcome(response.status(), attempt.number(), items);
                })
                .value();
    }

    /** {@code DELETE /data-connections/{id}}: the tenant's status, 404 included (already gone). */
    WriteOutcome delete(String connectionId) {
        Call call = new Call("delete of data connection " + connectionId, masker);
        URI uri = uris.of("/data-connections/{id}", Map.of("id", connectionId), Map.of());
        return retry.execute(call.subject(), attempt -> {
                    RawResponse response = calls.exchange(Tier.WRITE, HttpMethod.DELETE, uri, null, call, attempt);
                    if (!response.isSuccess() && response.status() != 404) {
                        throw calls.rejected(response, call, attempt.number());
                    }
                    return new WriteOutcome(response.status(), attempt.number());
                })
                .value();
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record BulkJson(List<BulkItemJson> data) {}

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record BulkItemJson(String id, int status, ErrorJson error) {}

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorJson(String code, String title, String detail) {
        String describe() {
            String text = title == null ? "" : title;
            return detail == null || detail.isBlank() ? text : (text.isBlank() ? detail : text + ": " + detail);
        }
    }
}

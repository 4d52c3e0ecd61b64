package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.PropertyValue;
import dev.qcl.qlik.PatchOperation;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.Ownership;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --on-existing update}: compares a row with the existing connection and sends one PATCH with
 * only what differs. An empty cell leaves a property as it is; tags the tenant adds itself
 * ({@code DcaasAPI:}) and ownership tags are not compared (see {@link OwnedTags}); a secret is sent only
 * when its fingerprint differs from what qcl last wrote (or qcl never wrote it).
 */
final class ConnectionUpdater {
    private static final Logger log = LoggerFactory.getLogger(ConnectionUpdater.class);

    private final QlikClient client;
    private final SecretFingerprints fingerprints;
    private final Ownership owned;

    ConnectionUpdater(QlikClient client, SecretFingerprints fingerprints, Ownership owned) {
        this.client = client;
        this.fingerprints = fingerprints;
        this.owned = owned;
    }

    /** Reads the connection with its properties and works out what differs from the row. */
    Comparison compare(ConnectionDraft draft, SendableRow row, ExistingConnection listed) {
        // by the tenant's own name: it may differ from the row's in Unicode form or hidden spaces
        String name = listed.qName() != null ? listed.qName() : draft.qName();
        ExistingConnection current =
                client.connectionForUpdate(name, draft.spaceId()).orElse(listed);
        return new Comparison(current, changes(draft, row.properties(), current));
    }

    /** Sends the changes of a comparison: UPDATED with {@code message}, or FAILED when the tenant refuses. */
    RowResult apply(ConnectionDraft draft, SendableRow row, Comparison comparison, String message) {
        String id = comparison.current().id();
        try {
            WriteOutcome outcome = patch(id, comparison.changes(), row.secrets());
            rememberSecrets(draft, row.properties(), id);
            return Results.of(draft, RowStatus.UPDATED, id, outcome.httpStatus(), outcome.attempts(), message);
        } catch (RejectedException e) {
            // the client masked the row's secrets in the message already
            String failure = e.getMessage();
            log.warn("Row {}: FAILED: {}", draft.row(), failure);
            return Results.of(draft, RowStatus.FAILED, id, e.httpStatus(), e.attempts(), failure);
        }
    }

    /**
     * Sends the changes. A tenant that refuses a changed connection without its credentials (Qlik asks
     * for them when, say, the host changes) answers 400: then, and only then, the unchanged secrets go
     * along in a second request.
     */
    private WriteOutcome patch(String connectionId, Changes changes, List<String> secrets) {
        try {
            return client.patch(connectionId, changes.toSend(), secrets);
        } catch (RejectedException e) {
            if (e.httpStatus() != 400
                    || changes.properties().isEmpty()
                    || changes.unchangedSecrets().isEmpty()) {
                throw e;
            }
            log.info("The tenant refused the change of {} without its credentials; sending them along", connectionId);
            List<PatchOperation> withCredentials = new ArrayList<>(changes.toSend());
            withCredentials.addAll(changes.unchangedSecrets());
            return client.patch(connectionId, withCredentials, secrets);
        }
    }

    private Changes changes(ConnectionDraft draft, Map<String, Object> wanted, ExistingConnection current) {
        List<PatchOperation> properties = new ArrayList<>();
        List<PatchOperation> changedSecrets = new ArrayList<>();
        List<PatchOperation> unchangedSecrets = new ArrayList<>();
        for (Map.Entry<String, PropertyValue> property : draft.properties().entrySet()) {
            String name = property.getKey();
            Object value = wanted.get(name);
            PatchOperation op = new PatchOperation("replace", "/connectionProperties/" + name, value);
            if (property.getValue().secret()) {
                boolean changed = fingerprints.changed(current.id(), name, String.valueOf(value));
                (changed ? changedSecrets : unchangedSecrets).add(op);
            } else if (!sameValue(value, current.connectionProperties().get(name))) {
                properties.add(op);
            }
        }
        OwnedTags.forUpdate(draft.tags(), current.tags(), owned)
                .ifPresent(tags -> properties.add(new PatchOperation("replace", "/tags", tags)));
        boolean adopted = OwnedTags.adopts(current.tags(), owned);
        List<String> names = new ArrayList<>();
        properties.stream().map(ConnectionUpdater::name).forEach(names::add);
        changedSecrets.stream().map(ConnectionUpdater::name).forEach(names::add);
        if (adopted && !OwnedTags.userTagsDiffer(draft.tags(), current.tags())) {
            names.remove("tags");
        }
        return new Changes(properties, changedSecrets, unchangedSecrets, names, adopted);
    }

    /** The connection as read, and what differs from the row. */
    record Comparison(ExistingConnection current, Changes changes) {}

    /**
     * What differs: plain properties and tags, secrets whose fingerprint changed, and the other
     * secrets; {@code changed} names what a user would call changed (a set's tag alone is an adoption).
     */
    record Changes(
            List<PatchOperation> properties,
            List<PatchOperation> changedSecrets,
            List<PatchOperation> unchangedSecrets,
            List<String> changed,
            boolean adopted) {
        List<PatchOperation> toSend() {
            List<PatchOperation> ops = new ArrayList<>(properties);
            ops.addAll(changedSecrets);
            return ops;
        }
    }

    private static String name(PatchOperation op) {
        return op.path().substring(op.path().lastIndexOf('/') + 1);
    }

    void rememberSecrets(ConnectionDraft draft, Map<String, Object> sent, String connectionId) {
        draft.properties().forEach((name, value) -> {
            if (value.secret()) {
                fingerprints.remember(connectionId, name, String.valueOf(sent.get(name)));
            }
        });
    }

    /** Tenants echo values in other forms ("443" for 443, 30.0 for 30): see {@link dev.qcl.qlik.api.TenantValues}. */
    static boolean sameValue(Object wanted, Object current) {
        return dev.qcl.qlik.api.TenantValues.same(wanted, current);
    }
}

package dev.qcl.batch;

import dev.qcl.qlik.ExistingConnection;
import dev.qcl.qlik.PatchOperation;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.RejectedException;
import dev.qcl.qlik.WriteOutcome;
import dev.qcl.spec.ConnectionDraft;
import dev.qcl.spec.PropertyValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --on-existing update}: compares a row with the existing connection and sends one PATCH with
 * only what differs. An empty cell leaves a property as it is; tags the tenant adds itself
 * ({@code DcaasAPI:}) are ignored; a secret is sent only when its fingerprint differs from what qcl
 * last wrote (or qcl never wrote it).
 */
final class ConnectionUpdater {
    private static final Logger log = LoggerFactory.getLogger(ConnectionUpdater.class);
    private static final String TENANT_TAG_PREFIX = "DcaasAPI:";

    private final QlikClient client;
    private final SecretFingerprints fingerprints;

    ConnectionUpdater(QlikClient client, SecretFingerprints fingerprints) {
        this.client = client;
        this.fingerprints = fingerprints;
    }

    RowResult update(ConnectionDraft draft, SendableRow row, ExistingConnection listed, boolean dryRun) {
        List<String> secrets = row.secrets();
        Map<String, Object> wanted = row.properties();
        ExistingConnection current =
                client.connectionForUpdate(draft.qName(), draft.spaceId()).orElse(listed);
        Changes changes = changes(draft, wanted, current);
        List<PatchOperation> ops = changes.toSend();
        if (ops.isEmpty()) {
            return Results.of(draft, dryRun ? RowStatus.SKIP : RowStatus.SKIPPED, current.id(), null, 0, "unchanged");
        }
        String changed = names(ops);
        if (dryRun) {
            return Results.of(draft, RowStatus.UPDATE, current.id(), null, 0, "changes: " + changed);
        }
        try {
            WriteOutcome outcome = patch(current.id(), changes, secrets);
            rememberSecrets(draft, wanted, current.id());
            return Results.of(draft, RowStatus.UPDATED, current.id(), outcome.httpStatus(), outcome.attempts(), "changed: " + changed);
        } catch (RejectedException e) {
            // the client masked the row's secrets in the message already
            String message = e.getMessage();
            log.warn("Row {}: FAILED: {}", draft.row(), message);
            return Results.of(draft, RowStatus.FAILED, current.id(), e.httpStatus(), e.attempts(), message);
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
            if (e.httpStatus() != 400 || changes.properties().isEmpty() || changes.unchangedSecrets().isEmpty()) {
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
        Set<String> wantedTags = new LinkedHashSet<>(draft.tags());
        Set<String> currentTags = new LinkedHashSet<>(userTags(current.tags()));
        if (!wantedTags.isEmpty() && !wantedTags.equals(currentTags)) {
            List<String> tags = new ArrayList<>(wantedTags);
            current.tags().stream().filter(t -> t.startsWith(TENANT_TAG_PREFIX)).forEach(tags::add);
            properties.add(new PatchOperation("replace", "/tags", tags));
        }
        return new Changes(properties, changedSecrets, unchangedSecrets);
    }

    /** What differs: plain properties and tags, secrets whose fingerprint changed, and the other secrets. */
    private record Changes(
            List<PatchOperation> properties, List<PatchOperation> changedSecrets, List<PatchOperation> unchangedSecrets) {
        List<PatchOperation> toSend() {
            List<PatchOperation> ops = new ArrayList<>(properties);
            ops.addAll(changedSecrets);
            return ops;
        }
    }

    private static String names(List<PatchOperation> ops) {
        return String.join(", ", ops.stream().map(op -> op.path().substring(op.path().lastIndexOf('/') + 1)).toList());
    }

    void rememberSecrets(ConnectionDraft draft, Map<String, Object> sent, String connectionId) {
        draft.properties().forEach((name, value) -> {
            if (value.secret()) {
                fingerprints.remember(connectionId, name, String.valueOf(sent.get(name)));
            }
        });
    }

    private static List<String> userTags(List<String> tags) {
        return tags.stream().filter(t -> !t.startsWith(TENANT_TAG_PREFIX)).toList();
    }

    /** Published tenants echo most scalars as strings ("443", "true"), so scalars compare by text. */
    static boolean sameValue(Object wanted, Object current) {
        if (wanted instanceof Map || wanted instanceof List) {
            return Objects.equals(wanted, current);
        }
        return current != null && String.valueOf(wanted).equals(String.valueOf(current));
    }
}

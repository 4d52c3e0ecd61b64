package dev.qcl.batch;

import dev.qcl.csv.ReferenceResolver;
import dev.qcl.qlik.CreateOutcome;
import dev.qcl.qlik.CreateRequest;
import dev.qcl.qlik.ExistingConnection;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.RejectedException;
import dev.qcl.spec.ConnectionDraft;
import dev.qcl.spec.RowCheck;
import java.util.function.Function;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a validated row into its result: INVALID rows as they are, existing names by the
 * {@code --on-existing} mode, the rest created in the tenant (or, in a dry run, planned).
 * Tenant rejections become FAILED results; only run-stopping failures (bad API key, tenant
 * unreachable, an overlong quota pause) leave as exceptions and stop the step.
 */
final class RowProcessor implements ItemProcessor<RowCheck, RowResult> {
    private static final Logger log = LoggerFactory.getLogger(RowProcessor.class);

    private final RunParameters run;
    private final RunProgress progress;
    private final ExistingConnections existing;
    private final QlikClient client;
    private final ReferenceResolver references;
    private final ConnectionUpdater updater;

    RowProcessor(
            RunParameters run,
            RunProgress progress,
            ExistingConnections existing,
            QlikClient client,
            ReferenceResolver references,
            ConnectionUpdater updater) {
        this.run = run;
        this.progress = progress;
        this.existing = existing;
        this.client = client;
        this.references = references;
        this.updater = updater;
    }

    @Override
    public RowResult process(RowCheck check) {
        RowResult result = resultOf(check);
        progress.record(result.status());
        return result;
    }

    private RowResult resultOf(RowCheck check) {
        if (check instanceof RowCheck.Invalid invalid) {
            log.warn("Row {}: INVALID: {}", invalid.row(), invalid.message());
            return new RowResult(
                    invalid.row(),
                    invalid.qName(),
                    invalid.space(),
                    invalid.dataSourceId(),
                    RowStatus.INVALID,
                    null,
                    null,
                    0,
                    invalid.message());
        }
        ConnectionDraft draft = ((RowCheck.Valid) check).draft();
        Optional<ExistingConnection> found = existing.find(draft.spaceId(), draft.qName());
        if (found.isPresent()) {
            return onExisting(draft, found.get());
        }
        if (run.dryRun()) {
            return Results.of(draft, RowStatus.CREATE, null, null, 0, "");
        }
        return whenSendable(draft, row -> create(draft, row));
    }

    private RowResult onExisting(ConnectionDraft draft, ExistingConnection connection) {
        return switch (run.onExisting()) {
            case SKIP -> Results.of(
                    draft,
                    run.dryRun() ? RowStatus.SKIP : RowStatus.SKIPPED,
                    connection.id(),
                    null,
                    0,
                    "exists in the space (--on-existing skip)");
            case FAIL -> {
                String message = "a connection named '" + draft.qName()
                        + "' already exists in the space; use --on-existing skip or update";
                if (!run.dryRun()) {
                    log.warn("Row {}: FAILED: {}", draft.row(), message);
                }
                yield Results.of(
                        draft, run.dryRun() ? RowStatus.FAIL : RowStatus.FAILED, connection.id(), null, 0, message);
            }
            case UPDATE -> whenSendable(draft, row -> updater.update(draft, row, connection, run.dryRun()));
        };
    }

    /** Resolves the row's references just before sending; one gone since validation makes it INVALID. */
    private RowResult whenSendable(ConnectionDraft draft, Function<SendableRow, RowResult> send) {
        StringBuilder reason = new StringBuilder();
        Optional<SendableRow> row = SendableRow.of(draft, references, reason);
        if (row.isEmpty()) {
            log.warn("Row {}: INVALID: {}", draft.row(), reason);
            return Results.of(draft, RowStatus.INVALID, null, null, 0, reason.toString());
        }
        return send.apply(row.get());
    }

    private RowResult create(ConnectionDraft draft, SendableRow row) {
        try {
            CreateOutcome outcome = client.create(new CreateRequest(
                    draft.dataSourceId(), draft.qName(), draft.spaceId(), row.properties(), draft.tags(), row.secrets()));
            updater.rememberSecrets(draft, row.properties(), outcome.connectionId());
            existing.remember(new ExistingConnection(
                    outcome.connectionId(),
                    draft.qName(),
                    draft.dataSourceId(),
                    draft.spaceId(),
                    draft.tags(),
                    Map.of()));
            String message = outcome.foundAfterUnknownOutcome()
                    ? "created; the tenant did not answer, the name was found on look-up"
                    : "";
            return Results.of(
                    draft,
                    RowStatus.CREATED,
                    outcome.connectionId(),
                    outcome.httpStatus(),
                    outcome.attempts(),
                    message);
        } catch (RejectedException e) {
            // the client masked the row's secrets in the message already
            String message = e.getMessage();
            log.warn("Row {}: FAILED: {}", draft.row(), message);
            return Results.of(draft, RowStatus.FAILED, null, e.httpStatus(), e.attempts(), message);
        }
    }
}

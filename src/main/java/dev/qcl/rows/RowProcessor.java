package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.RowCheck;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowDecisions.Decision;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.SavedPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Turns a validated row into its result: {@link RowDecisions} says what to do (contract section 5), or,
 * when the run applies a saved plan, {@link PlannedDecisions} (section 13); this class does it: creates or
 * updates in the tenant, or, in a dry run, records the planned action (and, for a plan to be saved, what
 * it was based on). Tenant rejections become FAILED results; only run-stopping failures (bad API key,
 * tenant unreachable, an overlong quota pause) leave as exceptions and stop the step.
 */
final class RowProcessor implements ItemProcessor<RowCheck, RowResult> {
    private static final Logger log = LoggerFactory.getLogger(RowProcessor.class);

    private final RunParameters run;
    private final RunProgress progress;
    private final ExistingConnections existing;
    private final QlikClient client;
    private final ReferenceResolver references;
    private final ConnectionUpdater updater;
    private final RowDecisions decisions;
    private final PlannedDecisions planned;
    private final PlanRecorder recorder;

    /**
     * @param plan the saved plan the run applies, or null
     * @param recorder notes what a dry run's decisions are based on, when it records
     */
    RowProcessor(
            RunParameters run,
            RunProgress progress,
            ExistingConnections existing,
            QlikClient client,
            ReferenceResolver references,
            ConnectionUpdater updater,
            SavedPlan plan,
            PlanRecorder recorder) {
        this.run = run;
        this.progress = progress;
        this.existing = existing;
        this.client = client;
        this.references = references;
        this.updater = updater;
        this.decisions = new RowDecisions(run.onExisting(), run.ownership());
        this.planned = plan == null ? null : new PlannedDecisions(plan, decisions);
        this.recorder = run.dryRun() ? recorder : new PlanRecorder();
    }

    @Override
    public RowResult process(RowCheck check) {
        RowResult result = resultOf(check, false);
        progress.record(result.status());
        return result;
    }

    /** Whether the row may be written: always, unless the run applies a plan that neither creates nor updates it. */
    boolean mayWrite(int row) {
        return planned == null || planned.writes(row);
    }

    /**
     * A row whose update went out before an interruption without an answer: as {@link #process}, but a
     * saved plan's target may have changed by that very update. Nothing differing then means it landed.
     */
    RowResult afterUnansweredUpdate(RowCheck check) {
        RowResult result = resultOf(check, true);
        progress.record(result.status());
        return result;
    }

    private RowResult resultOf(RowCheck check, boolean settling) {
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
                    decisions.forInvalid(invalid).message());
        }
        if (check instanceof RowCheck.ReadFailed failed) {
            return readFailed(failed);
        }
        ConnectionDraft draft = ((RowCheck.Valid) check).draft();
        try {
            Optional<ExistingConnection> found = existing.find(draft.spaceId(), draft.qName());
            recorder.found(draft.row(), found.map(PlanTarget::of).orElse(null));
            Decision decision = planned == null
                    ? decisions.forValid(draft.qName(), found)
                    : planned.forValid(draft, found, settling);
            return switch (decision.action()) {
                case CREATE -> carryOut(draft, decision, () -> whenSendable(draft, row -> create(draft, row)));
                case COMPARE -> whenSendable(draft, row -> update(draft, row, found.get(), settling));
                default -> carryOut(draft, decision, null);
            };
        } catch (RejectedException e) {
            // a read this row needs (its space's listing, a look-up) was refused: the row fails, the run goes on
            log.warn("Row {}: FAILED: {}", draft.row(), e.getMessage());
            return Results.of(
                    draft,
                    run.dryRun() ? RowStatus.FAIL : RowStatus.FAILED,
                    null,
                    e.httpStatus(),
                    e.attempts(),
                    e.getMessage());
        }
    }

    /** The tenant refused a read that validating this row needs (its connector's api-specs, its space). */
    private RowResult readFailed(RowCheck.ReadFailed failed) {
        log.warn("Row {}: FAILED: {}", failed.row(), failed.message());
        return new RowResult(
                failed.row(),
                failed.qName(),
                failed.space(),
                failed.dataSourceId(),
                run.dryRun() ? RowStatus.FAIL : RowStatus.FAILED,
                null,
                failed.httpStatus() == 0 ? null : failed.httpStatus(),
                failed.attempts(),
                failed.message());
    }

    private RowResult update(ConnectionDraft draft, SendableRow row, ExistingConnection found, boolean settling) {
        ConnectionUpdater.Comparison comparison = updater.compare(draft, row, found);
        ConnectionUpdater.Changes changes = comparison.changes();
        recorder.compared(draft.row(), PlanTarget.of(comparison.current()), changes.changed(), changes.adopted());
        Decision decision = planned == null
                ? decisions.afterComparing(comparison.current().id(), changes.changed(), changes.adopted())
                : planned.afterComparing(draft, comparison.current(), changes.changed(), changes.adopted(), settling);
        return carryOut(draft, decision, () -> updater.apply(draft, row, comparison, decision.message()));
    }

    /** A write is sent (unless this is a dry run); every other decision, and a planned write, is recorded as it is. */
    private RowResult carryOut(ConnectionDraft draft, Decision decision, Supplier<RowResult> write) {
        if (decision.action().writes() && !run.dryRun()) {
            return write.get();
        }
        RowStatus status = decision.action().status(run.dryRun());
        if (status == RowStatus.FAILED) {
            log.warn("Row {}: FAILED: {}", draft.row(), decision.message());
        }
        return Results.of(draft, status, decision.connectionId(), null, 0, decision.message());
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
            List<String> tags = OwnedTags.forCreate(draft.tags(), run.ownership());
            CreateOutcome outcome = client.create(new CreateRequest(
                    draft.dataSourceId(), draft.qName(), draft.spaceId(), row.properties(), tags, row.secrets()));
            updater.rememberSecrets(draft, row.properties(), outcome.connectionId());
            existing.remember(new ExistingConnection(
                    outcome.connectionId(), draft.qName(), draft.dataSourceId(), draft.spaceId(), tags, Map.of()));
            String message = outcome.message();
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

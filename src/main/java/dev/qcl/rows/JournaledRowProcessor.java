package dev.qcl.rows;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.RowCheck;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import java.util.Optional;
import java.util.function.IntPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Keeps restarts truthful (contract section 5.7): around the row decision, notes in the write
 * journal that a create or update is about to go out and what the tenant answered. When a restart
 * meets a row of its interrupted chunk again, the journal says whether this run already wrote it:
 * then the row is CREATED or UPDATED with its connection ID, in every {@code --on-existing} mode,
 * instead of being found "existing" and recorded SKIPPED or FAILED.
 */
final class JournaledRowProcessor implements ItemProcessor<RowCheck, RowResult>, StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(JournaledRowProcessor.class);

    private final ItemProcessor<RowCheck, RowResult> decision;
    private final ItemProcessor<RowCheck, RowResult> afterUnansweredUpdate;
    private final IntPredicate mayWrite;
    private final RowWrites journal;
    private final ExistingConnections existing;
    private final RunParameters run;
    private final RunProgress progress;
    private long runId;

    JournaledRowProcessor(
            ItemProcessor<RowCheck, RowResult> decision,
            RowWrites journal,
            ExistingConnections existing,
            RunParameters run,
            RunProgress progress) {
        this(decision, decision, row -> true, journal, existing, run, progress);
    }

    /**
     * @param afterUnansweredUpdate the decision for a row whose update went out unanswered before an
     *     interruption: a saved plan's target may have been changed by that update itself
     * @param mayWrite whether a row may be written at all: a saved plan writes only its planned creates
     *     and updates, so no other row is ever journalled as on its way
     */
    JournaledRowProcessor(
            ItemProcessor<RowCheck, RowResult> decision,
            ItemProcessor<RowCheck, RowResult> afterUnansweredUpdate,
            IntPredicate mayWrite,
            RowWrites journal,
            ExistingConnections existing,
            RunParameters run,
            RunProgress progress) {
        this.decision = decision;
        this.afterUnansweredUpdate = afterUnansweredUpdate;
        this.mayWrite = mayWrite;
        this.journal = journal;
        this.existing = existing;
        this.run = run;
        this.progress = progress;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public RowResult process(RowCheck check) throws Exception {
        if (run.dryRun() || !(check instanceof RowCheck.Valid valid)) {
            return decision.process(check);
        }
        ConnectionDraft draft = valid.draft();
        Optional<RowWrites.Entry> earlier = journal.find(runId, draft.row());
        if (earlier.isPresent()) {
            return again(check, draft, earlier.get());
        }
        String pending = pendingWrite(draft);
        if (pending != null) {
            journal.sending(runId, draft.row(), pending, connectionIdOf(draft));
        }
        return recorded(decision.process(check), pending != null);
    }

    /** A row this run met before it was interrupted. */
    private RowResult again(RowCheck check, ConnectionDraft draft, RowWrites.Entry earlier) throws Exception {
        if (earlier.answered()) {
            log.info(
                    "Row {}: {} before the interruption, as connection {}",
                    draft.row(),
                    earlier.status(),
                    earlier.connectionId());
            return done(Results.of(
                    draft,
                    RowStatus.valueOf(earlier.status()),
                    earlier.connectionId(),
                    earlier.httpStatus(),
                    earlier.attempts(),
                    earlier.message()));
        }
        if (earlier.status().equals(RowWrites.CREATING)) {
            // the name was free when the create went out: if it is taken now, that create did it
            Optional<ExistingConnection> found = existing.find(draft.spaceId(), draft.qName());
            if (found.isPresent()) {
                RowResult created = Results.of(
                        draft,
                        RowStatus.CREATED,
                        found.get().id(),
                        200,
                        1,
                        "created before the interruption; its answer was lost, the name was found on look-up");
                journal.answered(runId, created);
                return done(created);
            }
            return recorded(decision.process(check), true);
        }
        // an update went out unanswered: if nothing differs now, it was applied
        RowResult result = afterUnansweredUpdate.process(check);
        if (result.status() == RowStatus.SKIPPED && result.connectionId().equals(earlier.connectionId())) {
            RowResult updated = Results.of(
                    draft,
                    RowStatus.UPDATED,
                    result.connectionId(),
                    200,
                    1,
                    "updated before the interruption; its answer was lost, the connection now matches the row");
            journal.answered(runId, updated);
            progress.recount(RowStatus.SKIPPED, RowStatus.UPDATED);
            return updated;
        }
        return recorded(result, true);
    }

    /** CREATING when the name is free, UPDATING when it exists and the mode updates; null when nothing will be written. */
    private String pendingWrite(ConnectionDraft draft) {
        if (!mayWrite.test(draft.row())) {
            return null;
        }
        Optional<ExistingConnection> found = lookUp(draft);
        if (found == null) {
            return null;
        }
        if (found.isEmpty()) {
            return RowWrites.CREATING;
        }
        return run.onExisting() == OnExisting.UPDATE ? RowWrites.UPDATING : null;
    }

    private String connectionIdOf(ConnectionDraft draft) {
        Optional<ExistingConnection> found = lookUp(draft);
        return found == null ? "" : found.map(ExistingConnection::id).orElse("");
    }

    /** The listed connection of that name, or null when the listing failed: the decision reports that itself. */
    private Optional<ExistingConnection> lookUp(ConnectionDraft draft) {
        try {
            return existing.find(draft.spaceId(), draft.qName());
        } catch (RunStoppingException e) {
            throw e;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private RowResult recorded(RowResult result, boolean pending) {
        if (result.status() == RowStatus.CREATED || result.status() == RowStatus.UPDATED) {
            journal.answered(runId, result);
        } else if (pending) {
            journal.forget(runId, result.row());
        }
        return result;
    }

    /** A result the decision did not make: counted here, as the decision counts its own. */
    private RowResult done(RowResult result) {
        progress.record(result.status());
        return result;
    }
}

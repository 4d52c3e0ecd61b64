package dev.qcl.prune;

import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.BulkDeleteOutcome;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RunParameters;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.PlanTarget;
import dev.qcl.run.plan.PlannedDeletion;
import dev.qcl.run.plan.SavedPlan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * {@code --prune}, after the rows are done: deletes the set's connections that no row names, a batch
 * at a time. Each call of {@link #execute} is one transaction, and a batch takes two: the first records
 * the batch as planned (status DELETE), the second sends it and records each outcome. A restart after
 * a kill therefore finds every batch that may have been sent, and looks each of its connections up
 * before sending anything: gone means it was deleted (recorded once), still there means it is sent now.
 * Nothing is deleted twice, and each deletion is recorded once.
 */
public final class PruneTasklet implements Tasklet, StepExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(PruneTasklet.class);

    private final RunParameters run;
    private final PrunePlanner planner;
    private final QlikClient client;
    private final ResultRepository results;
    private final int batchSize;
    private final SavedPlan followed;
    private final PlanRecorder recorder;
    private long runId;
    private Deque<RowResult> planned;
    private List<RowResult> recorded = List.of();
    private int nextRow;
    private boolean bulkAllowed = true;
    private final int firstRow;

    public PruneTasklet(
            RunParameters run, PrunePlanner planner, QlikClient client, ResultRepository results, int batchSize) {
        this(run, planner, client, results, batchSize, 0, null, new PlanRecorder());
    }

    /**
     * The prune of one tenant's part of a run over several ({@code planner}'s tenant), or of the run.
     *
     * @param firstRow its deletions are numbered from here down (-1 when 0): a band of each tenant's own, as
     *     the tenants prune at once
     * @param followed the saved plan the run applies, or null: then exactly its deletions are made, each
     *     only while its connection is as the plan found it
     * @param recorder notes, in a dry run, the connections planned for deletion, for a plan to be saved
     */
    public PruneTasklet(
            RunParameters run,
            PrunePlanner planner,
            QlikClient client,
            ResultRepository results,
            int batchSize,
            int firstRow,
            SavedPlan followed,
            PlanRecorder recorder) {
        this.run = run;
        this.planner = planner;
        this.client = client;
        this.results = results;
        this.batchSize = batchSize;
        this.firstRow = firstRow;
        this.followed = followed;
        this.recorder = recorder;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        if (planned == null) {
            prepare();
        } else if (!recorded.isEmpty()) {
            send(recorded);
            recorded = List.of();
        } else if (!planned.isEmpty()) {
            recorded = recordNextBatch();
        }
        return planned.isEmpty() && recorded.isEmpty() ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /** Settles what an earlier execution recorded but may not have sent, then plans the rest. */
    private void prepare() {
        String tenant = planner.tenant();
        List<RowResult> earlier = tenant.isEmpty() ? results.deletions(runId) : results.deletions(runId, tenant);
        List<ExistingConnection> plan;
        Map<PlannedDeletion, String> changed = Map.of();
        if (followed == null) {
            plan = planner.plan(run);
        } else {
            PrunePlanner.Followed now = planner.followed(run, followed.deletions());
            plan = now.delete();
            changed = now.changed();
            if (now.leftAlone() > 0) {
                log.warn(
                        "Prune of set {}: {} connection(s) that no row names are not in the plan and were left alone",
                        run.ownership().set(),
                        now.leftAlone());
            }
        }
        Set<String> inPlan = new HashSet<>();
        plan.forEach(c -> inPlan.add(c.id()));
        Set<String> known = new HashSet<>();
        List<RowResult> unsent = new ArrayList<>();
        long done = 0;
        for (RowResult deletion : earlier) {
            known.add(deletion.connectionId());
            if (deletion.status() != RowStatus.DELETE || run.dryRun()) {
                done++;
            } else if (client.connectionById(deletion.connectionId()).isEmpty()) {
                results.updateDeletion(
                        runId,
                        outcome(
                                deletion,
                                RowStatus.DELETED,
                                null,
                                0,
                                "deleted; the tenant's answer was lost, the connection was gone on restart"));
                done++;
            } else if (inPlan.contains(deletion.connectionId())) {
                unsent.add(deletion);
            } else {
                // no longer to be deleted: as if it had never been recorded
                results.removeDeletion(runId, deletion.row());
                known.remove(deletion.connectionId());
            }
        }
        List<ExistingConnection> fresh =
                plan.stream().filter(c -> !known.contains(c.id())).toList();
        long total = done + unsent.size() + fresh.size();
        if (total > run.ownership().maxDeletes()) {
            throw PrunePlanner.overCap((int) total, run.ownership(), plan, tenant);
        }
        nextRow = earlier.stream().mapToInt(RowResult::row).min().orElse(firstRow == 0 ? 0 : firstRow + 1) - 1;
        planned = new ArrayDeque<>();
        for (ExistingConnection connection : fresh) {
            recorder.deletion(PlanTarget.of(connection));
            planned.add(new RowResult(
                    nextRow--,
                    connection.qName(),
                    connection.spaceId(),
                    connection.dataSourceId(),
                    RowStatus.DELETE,
                    connection.id(),
                    null,
                    0,
                    "tagged " + run.ownership().tag() + " and named by no row of the sheet",
                    tenant));
        }
        recordChanged(changed, known);
        recorded = unsent;
        if (run.dryRun()) {
            results.insert(runId, List.copyOf(planned));
            planned.clear();
        }
        log.info("Prune of set {}: {} connection(s) to delete", run.ownership().set(), fresh.size() + unsent.size());
    }

    /** The plan's deletions whose connection changed since: FAILED, never sent, each recorded once. */
    private void recordChanged(Map<PlannedDeletion, String> changed, Set<String> known) {
        List<RowResult> failed = new ArrayList<>();
        changed.forEach((deletion, why) -> {
            if (known.contains(deletion.target().id())) {
                return;
            }
            String message = PlanTarget.CHANGED + why + "; it was not deleted. Make a new plan";
            log.warn(
                    "Delete of '{}' ({}): FAILED: {}",
                    deletion.qName(),
                    deletion.target().id(),
                    message);
            failed.add(new RowResult(
                    nextRow--,
                    deletion.qName(),
                    deletion.space(),
                    deletion.dataSourceId(),
                    RowStatus.FAILED,
                    deletion.target().id(),
                    null,
                    0,
                    message));
        });
        if (!failed.isEmpty()) {
            results.insert(runId, failed);
        }
    }

    private List<RowResult> recordNextBatch() {
        List<RowResult> batch = new ArrayList<>();
        while (batch.size() < batchSize && !planned.isEmpty()) {
            batch.add(planned.poll());
        }
        results.insert(runId, batch);
        return batch;
    }

    private void send(List<RowResult> batch) {
        if (bulkAllowed) {
            try {
                BulkDeleteOutcome outcome = client.deleteConnections(
                        batch.stream().map(RowResult::connectionId).toList());
                for (RowResult deletion : batch) {
                    BulkDeleteOutcome.Item item = outcome.items().get(deletion.connectionId());
                    if (item == null) {
                        settle(
                                deletion,
                                RowStatus.FAILED,
                                null,
                                outcome.attempts(),
                                "the tenant's answer named no status"
                                        + " for this connection; it may or may not be deleted");
                    } else if (item.deleted() || item.status() == 404) {
                        settle(
                                deletion,
                                RowStatus.DELETED,
                                item.status(),
                                outcome.attempts(),
                                deletedMessage(item.status()));
                    } else {
                        settle(
                                deletion,
                                RowStatus.FAILED,
                                item.status(),
                                outcome.attempts(),
                                "the tenant refused to delete it (HTTP " + item.status() + "): " + item.error());
                    }
                }
                return;
            } catch (RejectedException e) {
                if (e.httpStatus() != 403) {
                    batch.forEach(d -> settle(d, RowStatus.FAILED, e.httpStatus(), e.attempts(), e.getMessage()));
                    return;
                }
                log.info(
                        "The identity may not use the bulk delete (HTTP 403, it needs the admin role); deleting one by one");
                bulkAllowed = false;
            }
        }
        for (RowResult deletion : batch) {
            try {
                WriteOutcome outcome = client.deleteConnection(deletion.connectionId());
                settle(
                        deletion,
                        RowStatus.DELETED,
                        outcome.httpStatus(),
                        outcome.attempts(),
                        deletedMessage(outcome.httpStatus()));
            } catch (RejectedException e) {
                settle(deletion, RowStatus.FAILED, e.httpStatus(), e.attempts(), e.getMessage());
            }
        }
    }

    private void settle(RowResult deletion, RowStatus status, Integer httpStatus, int attempts, String message) {
        if (status == RowStatus.FAILED) {
            log.warn("Delete of '{}' ({}): FAILED: {}", deletion.qName(), deletion.connectionId(), message);
        } else {
            log.info(
                    "Deleted '{}' ({}) of set {}",
                    deletion.qName(),
                    deletion.connectionId(),
                    run.ownership().set());
        }
        results.updateDeletion(runId, outcome(deletion, status, httpStatus, attempts, message));
    }

    private String deletedMessage(int httpStatus) {
        String why = "tagged " + run.ownership().tag() + " and named by no row of the sheet";
        return httpStatus == 404 ? why + "; it was already gone" : why;
    }

    private static RowResult outcome(
            RowResult deletion, RowStatus status, Integer httpStatus, int attempts, String message) {
        return new RowResult(
                deletion.row(),
                deletion.qName(),
                deletion.space(),
                deletion.dataSourceId(),
                status,
                deletion.connectionId(),
                httpStatus,
                attempts,
                message,
                deletion.tenant());
    }
}

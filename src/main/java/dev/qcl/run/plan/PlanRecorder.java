package dev.qcl.run.plan;

import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RunParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * What a dry run's decisions were based on, noted where they are made, for {@code validate --save-plan}
 * and {@code diff --save-plan}: per row the connection it found (or none) and, in update mode, what
 * differs; per planned deletion the connection. Notes nothing until {@link #start()}: a dry run of a
 * million rows keeps nothing it does not need. Its notes live in memory only, so a plan is saved only by
 * a dry run that went through in one execution.
 */
public final class PlanRecorder {
    /** What one row's decision was based on; {@code target} null: no connection of its name. */
    record Seen(PlanTarget target, List<String> changes, boolean adopted) {}

    private volatile boolean recording;
    private final Map<Integer, Seen> rows = new ConcurrentHashMap<>();
    private final Map<String, PlanTarget> deletions = new ConcurrentHashMap<>();

    /** From now on, note what the decisions are based on. */
    public void start() {
        recording = true;
    }

    public boolean recording() {
        return recording;
    }

    /** The connection a row's decision found, or null for none. */
    public void found(int row, PlanTarget target) {
        if (recording) {
            rows.put(row, new Seen(target, List.of(), false));
        }
    }

    /** An update's comparison: the connection as read for it, and what differs. */
    public void compared(int row, PlanTarget target, List<String> changes, boolean adopted) {
        if (recording) {
            rows.put(row, new Seen(target, changes, adopted));
        }
    }

    /** A connection the prune plans to delete, as listed. */
    public void deletion(PlanTarget target) {
        if (recording) {
            deletions.put(target.id(), target);
        }
    }

    /**
     * The plan of a dry run: its results (rows in order, then deletions), each with what its decision
     * was based on.
     *
     * @param results streams the run's results in order
     * @throws IllegalStateException when a result has no note, as after a restart: the plan would be partial
     */
    public SavedPlan plan(
            Instant createdAt,
            String command,
            long planRun,
            String tenant,
            RunParameters run,
            Consumer<Consumer<RowResult>> results) {
        List<PlannedRow> planned = new ArrayList<>();
        List<PlannedDeletion> deleted = new ArrayList<>();
        results.accept(result -> {
            if (result.status().isDeletion()) {
                deleted.add(deletion(result));
            } else {
                planned.add(row(result));
            }
        });
        return new SavedPlan(
                SavedPlan.FORMAT,
                createdAt.toString(),
                command,
                planRun,
                tenant,
                new SavedPlan.Input(run.input().toString(), run.inputSha256()),
                SavedPlan.Options.of(run),
                planned,
                deleted);
    }

    private PlannedRow row(RowResult result) {
        if (!PlannedRow.ACTIONS.contains(result.status())) {
            throw new IllegalStateException(
                    "row " + result.row() + " is " + result.status() + ", not a planned action");
        }
        Seen seen = rows.get(result.row());
        boolean needsTarget = !result.connectionId().isEmpty() || result.status() == RowStatus.CREATE;
        if (seen == null && needsTarget) {
            throw new IllegalStateException("what row " + result.row() + " was planned on is not known");
        }
        PlanTarget target = seen == null ? null : seen.target();
        if (target != null && !target.id().equals(result.connectionId())) {
            throw new IllegalStateException("row " + result.row() + " was planned on connection " + target.id()
                    + ", its result names " + result.connectionId());
        }
        boolean update = result.status() == RowStatus.UPDATE;
        return new PlannedRow(
                result.row(),
                result.qName(),
                result.space(),
                result.dataSourceId(),
                result.status(),
                target,
                update ? seen.changes() : List.of(),
                update && seen.adopted(),
                result.message());
    }

    private PlannedDeletion deletion(RowResult result) {
        PlanTarget target = deletions.get(result.connectionId());
        if (target == null) {
            throw new IllegalStateException("the deletion of " + result.connectionId() + " was not planned here");
        }
        return new PlannedDeletion(
                result.qName(), result.space(), result.dataSourceId(), RowStatus.DELETE, target, result.message());
    }
}

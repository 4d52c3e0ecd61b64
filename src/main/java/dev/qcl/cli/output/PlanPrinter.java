package dev.qcl.cli.output;

import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.plan.PlanFiles;
import dev.qcl.run.plan.PlannedDeletion;
import dev.qcl.run.plan.PlannedRow;
import dev.qcl.run.plan.SavedPlan;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * Prints a saved plan ({@code qcl plan show}) as {@code diff} prints its plan: what it was made from, a
 * line per row to create, update or fail and per connection to delete, the counts, and how to apply it.
 */
public final class PlanPrinter {
    private final PrintWriter out;

    public PlanPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(PlanFiles.Loaded loaded) {
        SavedPlan plan = loaded.plan();
        out.println("Plan " + loaded.file() + " (SHA-256 " + loaded.sha256() + ")");
        out.println("  made by qcl " + plan.command() + " (run " + plan.planRun() + ") at " + plan.createdAt() + " for "
                + plan.tenant());
        out.println(
                "  input " + plan.input().file() + " (SHA-256 " + plan.input().sha256() + ")");
        out.println("  options " + plan.options().describe());
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        plan.rows().forEach(r -> counts.merge(r.action(), 1L, Long::sum));
        counts.put(RowStatus.DELETE, (long) plan.deletions().size());
        new DiffPrinter(out)
                .print(
                        each -> {
                            plan.rows().forEach(r -> each.accept(result(r)));
                            int row = -1;
                            for (PlannedDeletion d : plan.deletions()) {
                                each.accept(result(row--, d));
                            }
                        },
                        status -> counts.getOrDefault(status, 0L));
        out.println("Apply it with: qcl run --plan " + loaded.file() + " --input "
                + plan.input().file() + " " + plan.options().describe());
        out.flush();
    }

    private static RowResult result(PlannedRow row) {
        return new RowResult(
                row.row(),
                row.qName(),
                row.space(),
                row.dataSourceId(),
                row.action(),
                row.target() == null ? null : row.target().id(),
                null,
                0,
                row.message());
    }

    private static RowResult result(int row, PlannedDeletion deletion) {
        return new RowResult(
                row,
                deletion.qName(),
                deletion.space(),
                deletion.dataSourceId(),
                RowStatus.DELETE,
                deletion.target().id(),
                null,
                0,
                deletion.message());
    }
}

package dev.qcl.cli.output;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * Prints a diff run's plan: one line per row to create, update (with the properties that differ) or
 * delete, and per invalid row; at most {@value #LINES_PER_KIND} of each kind, the rest is in results.csv.
 */
public final class DiffPrinter {
    static final int LINES_PER_KIND = 100;
    private final PrintWriter out;

    public DiffPrinter(PrintWriter out) {
        this.out = out;
    }

    public void print(RunInfo run, ResultRepository results) {
        print(each -> results.forEach(run.runId(), each), run::count);
    }

    /**
     * Prints a plan from its rows and deletions, in order, and the count of each planned action.
     *
     * @param results hands every result, in order, to the consumer it is given
     */
    public void print(Consumer<Consumer<RowResult>> results, ToLongFunction<RowStatus> counts) {
        Map<RowStatus, Integer> shown = new EnumMap<>(RowStatus.class);
        results.accept(r -> {
            String line = line(r);
            if (line == null) {
                return;
            }
            int n = shown.merge(r.status(), 1, Integer::sum);
            if (n <= LINES_PER_KIND) {
                out.println(line);
            } else if (n == LINES_PER_KIND + 1) {
                out.println("  ... more rows to " + r.status().name().toLowerCase() + ": see results.csv");
            }
        });
        long failed = counts.applyAsLong(RowStatus.FAILED) + counts.applyAsLong(RowStatus.FAIL);
        out.println("Diff: " + counts.applyAsLong(RowStatus.CREATE) + " to create, "
                + counts.applyAsLong(RowStatus.UPDATE) + " to update, " + counts.applyAsLong(RowStatus.DELETE)
                + " to delete, " + counts.applyAsLong(RowStatus.SKIP) + " unchanged or skipped, "
                + counts.applyAsLong(RowStatus.INVALID) + " invalid" + (failed > 0 ? ", " + failed + " failed" : "")
                + ".");
    }

    private static String line(RowResult r) {
        String where = r.space().isEmpty() ? "personal space" : "space " + r.space();
        return switch (r.status()) {
            case CREATE -> "+ create  row " + r.row() + "  " + r.qName() + " (" + where + ")";
            case UPDATE ->
                "~ update  row " + r.row() + "  " + r.qName() + " (" + where + ", " + r.connectionId() + "): "
                        + r.message();
            case DELETE -> "- delete  " + r.qName() + " (" + where + ", " + r.connectionId() + ")";
            case INVALID, FAILED, FAIL ->
                "! " + r.status().name().toLowerCase() + " row " + r.row() + "  " + r.qName() + ": " + r.message();
            default -> null;
        };
    }
}

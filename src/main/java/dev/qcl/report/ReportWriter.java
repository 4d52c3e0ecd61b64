package dev.qcl.report;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Writes a run's report folder: results.csv, failed.csv, summary.json and report.html, each to a
 * temporary file first and then moved into place, so that a reader never sees half a report. The two
 * CSV files are written at the same time: each streams a whole run from the database (and failed.csv
 * the input file too), which on a large run is most of the time the report takes.
 */
public final class ReportWriter {
    private static final int TOP_MESSAGES = 10;
    // the page stays light to open; failed.csv has every problem row
    private static final int PROBLEM_ROWS_SHOWN = 500;
    private final ResultRepository results;
    private final ResultsSpool spool;

    public ReportWriter(ResultRepository results) {
        this(results, null);
    }

    /** {@code spool}: results.csv as the run went, used when it holds the whole run; may be null. */
    public ReportWriter(ResultRepository results, ResultsSpool spool) {
        this.results = results;
        this.spool = spool;
    }

    /** Writes the report of {@code run} into {@code dir} and returns the folder. */
    public Path write(RunInfo run, Path dir) {
        try {
            Files.createDirectories(dir);
            CompletableFuture<Void> failedCsv =
                    CompletableFuture.runAsync(() -> unchecked(() -> FailedCsv.writeInto(results, run, dir)));
            new ResultsCsv(results).write(run, dir.resolve("results.csv"), spool);
            new SummaryJson().write(run, dir.resolve("summary.json"));
            new HtmlReport()
                    .write(
                            run,
                            results.timeline(run.runId()),
                            results.topMessages(run.runId(), TOP_MESSAGES),
                            results.firstProblems(run.runId(), PROBLEM_ROWS_SHOWN),
                            run.count(RowStatus.INVALID) + run.count(RowStatus.FAILED) + run.count(RowStatus.FAIL),
                            results.firstChanges(run.runId(), PROBLEM_ROWS_SHOWN),
                            run.count(RowStatus.UPDATED) + run.count(RowStatus.UPDATE) + run.deletions(),
                            dir.resolve("report.html"));
            failedCsv.join();
            return dir;
        } catch (IOException | UncheckedIOException | CompletionException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            throw new UncheckedIOException(
                    "cannot write the report into " + dir + ": " + cause.getMessage(),
                    cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }
}

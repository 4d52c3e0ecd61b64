package dev.qcl.report;

import dev.qcl.batch.ResultRepository;
import dev.qcl.batch.RowStatus;
import dev.qcl.batch.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's report folder: results.csv, failed.csv, summary.json and report.html, each to a temporary file
 * first and then moved into place, so that a reader never sees half a report.
 */
public final class ReportWriter {
    private static final int TOP_MESSAGES = 10;
    // the page stays light to open; failed.csv has every problem row
    private static final int PROBLEM_ROWS_SHOWN = 500;
    private final ResultRepository results;

    public ReportWriter(ResultRepository results) {
        this.results = results;
    }

    /** Writes the report of {@code run} into {@code dir} and returns the folder. */
    public Path write(RunInfo run, Path dir) {
        try {
            Files.createDirectories(dir);
            new ResultsCsv(results).write(run.runId(), dir.resolve("results.csv"));
            new FailedCsv(results).write(run, dir.resolve("failed.csv"));
            new SummaryJson().write(run, dir.resolve("summary.json"));
            new HtmlReport().write(
                    run,
                    results.timeline(run.runId()),
                    results.topMessages(run.runId(), TOP_MESSAGES),
                    results.firstProblems(run.runId(), PROBLEM_ROWS_SHOWN),
                    run.count(RowStatus.INVALID) + run.count(RowStatus.FAILED) + run.count(RowStatus.FAIL),
                    dir.resolve("report.html"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }
}

package dev.qcl.report;

import dev.qcl.batch.ResultRepository;
import dev.qcl.batch.RunInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's report folder: results.csv, failed.csv and summary.json, each to a temporary file
 * first and then moved into place, so that a reader never sees half a report.
 */
public final class ReportWriter {
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
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + dir + ": " + e.getMessage(), e);
        }
    }
}

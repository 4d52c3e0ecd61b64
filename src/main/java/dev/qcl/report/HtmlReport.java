package dev.qcl.report;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowResult;
import dev.qcl.results.TimelineSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * report.html: one self-contained page (inline CSS and SVG charts, no script, nothing fetched) with the
 * run's figures, a status chart, a throughput and throttling chart, the top error messages and the
 * first problem rows. Every value from the input or the tenant is HTML-escaped.
 */
public final class HtmlReport {

    /**
     * Writes the page to a temporary file next to {@code file} and then moves it into place.
     *
     * @param topMessages error messages with their number of rows, most frequent first
     * @param problems the first problem rows, in row order
     * @param problemCount all the run's problem rows; more than {@code problems.size()} adds a note
     */
    public void write(
            RunInfo run,
            List<TimelineSample> timeline,
            List<Map.Entry<String, Long>> topMessages,
            List<RowResult> problems,
            long problemCount,
            Path file)
            throws IOException {
        write(run, timeline, topMessages, problems, problemCount, List.of(), 0, file);
    }

    /**
     * Like the other, with the first rows that were updated (with what changed) and the connections
     * deleted by {@code --prune}; {@code changeCount} is all of them.
     */
    public void write(
            RunInfo run,
            List<TimelineSample> timeline,
            List<Map.Entry<String, Long>> topMessages,
            List<RowResult> problems,
            long problemCount,
            List<RowResult> changes,
            long changeCount,
            Path file)
            throws IOException {
        String html = ReportPage.html(run, timeline, topMessages, problems, problemCount, changes, changeCount);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.writeString(temp, html, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }
}

package dev.qcl.report;

import com.opencsv.ICSVWriter;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * results.csv: one line per row of the run, in row order, streamed from the results table, then one
 * line per connection deleted by {@code --prune}, with an empty {@code row}.
 */
final class ResultsCsv {
    static final String[] HEADER = {
        "row", "qName", "space", "dataSourceId", "status", "connectionId", "httpStatus", "attempts", "message"
    };

    private final ResultRepository results;

    ResultsCsv(ResultRepository results) {
        this.results = results;
    }

    void write(long runId, Path file) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                ICSVWriter csv = Csv.writer(out)) {
            csv.writeNext(HEADER, false);
            results.forEach(runId, r -> csv.writeNext(cells(r), false));
            if (csv.checkError()) {
                throw new UncheckedIOException(new IOException("writing " + file + " failed"));
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Writes results.csv from what {@code spool} collected while the run went, when that is every row
     * the run stored; otherwise (a restarted run, a spool that failed) from the results table.
     */
    void write(RunInfo run, Path file, ResultsSpool spool) throws IOException {
        if (spool == null || !spool.finishInto(file, run, () -> results.deletions(run.runId()))) {
            write(run.runId(), file);
        }
    }

    /** One line of results.csv. */
    static String[] cells(RowResult r) {
        return new String[] {
            // a deletion of --prune belongs to no input row
            r.row() > 0 ? Integer.toString(r.row()) : "",
            Csv.neutralised(r.qName()),
            Csv.neutralised(r.space()),
            Csv.neutralised(r.dataSourceId()),
            r.status().name(),
            Csv.neutralised(r.connectionId()),
            r.httpStatus() == null ? "" : r.httpStatus().toString(),
            Integer.toString(r.attempts()),
            Csv.neutralised(r.message())
        };
    }
}

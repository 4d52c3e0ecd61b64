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

    /** results.csv of a run over several tenants: the row's tenant after {@code row} (contract section 12). */
    static final String[] TENANT_HEADER = {
        "row", "tenant", "qName", "space", "dataSourceId", "status", "connectionId", "httpStatus", "attempts", "message"
    };

    private final ResultRepository results;

    ResultsCsv(ResultRepository results) {
        this.results = results;
    }

    void write(long runId, Path file) throws IOException {
        write(runId, file, false);
    }

    private void write(long runId, Path file, boolean overTenants) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                ICSVWriter csv = Csv.writer(out)) {
            csv.writeNext(overTenants ? TENANT_HEADER : HEADER, false);
            results.forEach(runId, r -> csv.writeNext(overTenants ? tenantCells(r) : cells(r), false));
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
        if (run.overTenants()) {
            // the tenants' chunks commit in no common row order: read back from the table, in row order
            write(run.runId(), file, true);
        } else if (spool == null || !spool.finishInto(file, run, () -> results.deletions(run.runId()))) {
            write(run.runId(), file);
        }
    }

    /** One line of results.csv of a run over several tenants. */
    static String[] tenantCells(RowResult r) {
        String[] cells = cells(r);
        String[] withTenant = new String[cells.length + 1];
        withTenant[0] = cells[0];
        withTenant[1] = Csv.neutralised(r.tenant());
        System.arraycopy(cells, 1, withTenant, 2, cells.length - 1);
        return withTenant;
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

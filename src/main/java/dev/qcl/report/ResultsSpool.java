package dev.qcl.report;

import com.opencsv.ICSVWriter;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * results.csv written as the run goes: the lines of each chunk's results once the chunk committed, into
 * a hidden file in the reports folder (or the {@code --report-dir} folder), on the same file system.
 * At the end it becomes results.csv (the deletions of {@code --prune} appended) when it holds exactly
 * the rows the run stored, in row order; reading a
 * large run back from the database took most of the time the report took. A run that continued
 * an earlier execution, or a spool that could not be written, falls back to the database: the stored
 * results stay the only truth.
 */
public final class ResultsSpool implements ResultRepository.CommittedRows, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ResultsSpool.class);

    private final Path folder;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "qcl-results-spool");
        thread.setDaemon(true);
        return thread;
    });
    private Path file;
    private Writer out;
    private ICSVWriter csv;
    private long runId = -1;
    private int lastRow;
    private long rows;
    private boolean broken;

    private ResultsSpool(Path folder) {
        this.folder = folder;
    }

    /** A spool in {@code folder} (a folder checked writable, on the file system of the reports), attached to {@code results}. */
    public static ResultsSpool attach(Path folder, ResultRepository results) {
        ResultsSpool spool = new ResultsSpool(folder.toAbsolutePath().normalize());
        results.onCommitted(spool);
        return spool;
    }

    /**
     * Takes a committed chunk's results; they are written on the spool's own thread, in the order the
     * chunks committed, so that the thread committing the next chunk does not wait for the file.
     */
    @Override
    public void committed(long runId, List<RowResult> results) {
        try {
            writer.execute(() -> write(runId, results));
        } catch (RejectedExecutionException e) {
            // closed: the report reads the database
        }
    }

    private synchronized void write(long runId, List<RowResult> results) {
        if (broken) {
            return;
        }
        try {
            if (this.runId < 0) {
                open(runId);
            } else if (this.runId != runId) {
                abandon("results of a second run");
                return;
            }
            for (RowResult r : results) {
                if (r.row() <= 0) {
                    continue; // a deletion of --prune: read from the database at the end, after the rows
                }
                if (r.row() <= lastRow) {
                    abandon("row " + r.row() + " after row " + lastRow);
                    return;
                }
                lastRow = r.row();
                rows++;
                csv.writeNext(ResultsCsv.cells(r), false);
            }
        } catch (IOException | RuntimeException e) {
            abandon(e.toString());
        }
    }

    /**
     * Makes the spool {@code file} when it holds every row {@code run} stored (the deletions appended);
     * false when results.csv is to be read from the database instead.
     */
    boolean finishInto(Path target, RunInfo run, Supplier<List<RowResult>> deletions) throws IOException {
        if (!written()) {
            return false;
        }
        return finish(target, run, deletions);
    }

    /** Waits until every chunk handed over is written; false when that did not happen. */
    private boolean written() {
        try {
            writer.submit(() -> {}).get();
            return true;
        } catch (ExecutionException | RejectedExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized boolean finish(Path target, RunInfo run, Supplier<List<RowResult>> deletions)
            throws IOException {
        if (broken || csv == null || runId != run.runId() || rows != run.rows()) {
            return false;
        }
        for (RowResult deletion : deletions.get()) {
            csv.writeNext(ResultsCsv.cells(deletion), false);
        }
        boolean failed = csv.checkError();
        csv.close();
        csv = null;
        if (failed) {
            abandon("writing the spool failed");
            return false;
        }
        try {
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // another file system (--report-dir): copied, then moved into place as a whole
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        broken = true; // used up
        return true;
    }

    private void open(long runId) throws IOException {
        this.runId = runId;
        // a new file with the default permissions, as results.csv has when written at the end
        file = folder.resolve(".qcl-results-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".csv.tmp");
        out = Files.newBufferedWriter(
                file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        csv = Csv.writer(out);
        csv.writeNext(ResultsCsv.HEADER, false);
    }

    private void abandon(String why) {
        log.debug("results.csv will be read from the database: {}", why);
        broken = true;
        closeFile();
    }

    /** Removes the spool file if it was not made results.csv. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeFile();
    }

    private synchronized void closeFile() {
        try {
            if (csv != null) {
                csv.close();
                csv = null;
            }
        } catch (IOException e) {
            log.debug("Closing {}: {}", file, e.toString());
        }
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            log.debug("Removing {}: {}", file, e.toString());
        }
    }
}

package dev.qcl.cli.output;

import dev.qcl.export.ExportProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Shows an export moving, in the style of {@link ProgressPrinter}: on a terminal a bar redrawn every
 * second on standard error, otherwise one plain line every {@code qcl.progress.log-interval}.
 */
public final class ExportProgressPrinter implements AutoCloseable {

    private final ExportProgress progress;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    private ExportProgressPrinter(ExportProgress progress, PrintWriter err, boolean terminal, Duration interval) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
        this.timer = ProgressPrinter.every(interval, this::print);
    }

    /** Starts printing; {@code configuredInterval} is {@code qcl.progress.log-interval}, or null. */
    public static ExportProgressPrinter start(ExportProgress progress, String configuredInterval, PrintWriter err) {
        boolean terminal = System.console() != null;
        return new ExportProgressPrinter(
                progress, err, terminal, ProgressPrinter.interval(terminal, configuredInterval));
    }

    private void print() {
        ProgressPrinter.show(err, terminal, line());
    }

    String line() {
        long done = progress.done();
        long total = progress.total();
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        String bar = ProgressPrinter.bar(terminal, done, total);
        long etaMillis = total > done && rate > 0 ? (long) ((total - done) / rate * 1000) : 0;
        String eta = etaMillis > 0 ? ", ETA " + Durations.format(etaMillis) : "";
        String failed = progress.failedCount() > 0 ? " | " + progress.failedCount() + " not readable" : "";
        return String.format(Locale.ROOT, "%s%d/%d connections read, %.1f/s%s%s", bar, done, total, rate, eta, failed);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            err.print(ProgressPrinter.ERASE_LINE);
            err.flush();
        }
    }
}

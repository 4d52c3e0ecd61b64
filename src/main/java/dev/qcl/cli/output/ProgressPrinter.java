package dev.qcl.cli.output;

import dev.qcl.qlik.BudgetView;
import dev.qcl.qlik.HttpStats;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RunProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.convert.DurationStyle;

/**
 * Shows a run moving: on a terminal, a progress bar redrawn every second on standard error; otherwise
 * (cron, CI) one plain line every {@code qcl.progress.log-interval}.
 */
public final class ProgressPrinter implements AutoCloseable {
    /** The property that sets how often progress is logged when standard error is not a terminal. */
    public static final String LOG_INTERVAL = "qcl.progress.log-interval";

    private static final int BAR_WIDTH = 24;
    static final String ERASE_LINE = "\r\u001b[K";

    private final RunProgress progress;
    private final HttpStats http;
    private final Supplier<BudgetView> writeBudget;
    private final PrintWriter err;
    private final boolean terminal;
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer;

    ProgressPrinter(
            RunProgress progress,
            HttpStats http,
            Supplier<BudgetView> writeBudget,
            PrintWriter err,
            boolean terminal,
            Duration interval) {
        this.progress = progress;
        this.http = http;
        this.writeBudget = writeBudget;
        this.err = err;
        this.terminal = terminal;
        this.timer = every(interval, this::print);
    }

    /**
     * Starts printing.
     *
     * @param configuredInterval {@code qcl.progress.log-interval}, or null for the default (10 s)
     * @param writeBudget the tenant's write budget, or null while no client was made
     */
    public static ProgressPrinter start(
            RunProgress progress,
            HttpStats http,
            Supplier<BudgetView> writeBudget,
            String configuredInterval,
            PrintWriter err) {
        // the bar only on a terminal: a redirected standard error gets plain lines, no escape codes
        boolean terminal = Terminal.standardError();
        return new ProgressPrinter(progress, http, writeBudget, err, terminal, interval(terminal, configuredInterval));
    }

    /** Once a second on a terminal; else {@code qcl.progress.log-interval}, 10 s when it is not set. */
    static Duration interval(boolean terminal, String configured) {
        return terminal ? Duration.ofSeconds(1) : DurationStyle.detectAndParse(configured == null ? "10s" : configured);
    }

    private void print() {
        if (!terminal && progress.totalRows() == 0) {
            // the rows are still being counted: "0/0 rows" would only fill a log
            return;
        }
        show(err, terminal, line());
    }

    /** Runs {@code print} on a daemon thread of its own every {@code interval}, 200 ms at the least. */
    static ScheduledExecutorService every(Duration interval, Runnable print) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qcl-progress");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(200, interval.toMillis());
        timer.scheduleAtFixedRate(print, millis, millis, TimeUnit.MILLISECONDS);
        return timer;
    }

    /** One progress line: over the last one on a terminal, a line of its own elsewhere. */
    static void show(PrintWriter err, boolean terminal, String line) {
        if (terminal) {
            err.print(ERASE_LINE + line);
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** The bar of {@code done} out of {@code total}, on a terminal once the total is known; else nothing. */
    static String bar(boolean terminal, long done, long total) {
        if (!terminal || total <= 0) {
            return "";
        }
        int filled = (int) Math.min(BAR_WIDTH, BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] ";
    }

    String line() {
        long done = progress.done();
        long total = progress.totalRows();
        double seconds = Math.max(0.001, (System.nanoTime() - startNanos) / 1e9);
        double rate = done / seconds;
        String counts = progress.counts().entrySet().stream()
                .map((Map.Entry<RowStatus, Long> e) -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        String bar = bar(terminal, done, total);
        BudgetView budget = writeBudget.get();
        Duration pause = budget == null ? Duration.ZERO : budget.pausedFor();
        long etaMillis = total > done && rate > 0 ? (long) ((total - done) / rate * 1000) : 0;
        // rows wait for a quota pause however fast they went before it
        long etaShown = Math.max(etaMillis, pause.toMillis());
        String eta = total > done && etaShown > 0 ? ", ETA " + Durations.format(etaShown) : "";
        String throttled = !pause.isZero()
                ? " | writes paused by the tenant's quota for " + Durations.format(pause.toMillis())
                : http.throttled() > 0 ? " | 429s so far: " + http.throttled() : "";
        // a window nothing was written from says nothing (a validate, the first seconds of a run)
        String window = budget == null || done >= total || untouched(budget) ? "" : " | " + windowText(budget);
        // a run over several tenants: how far each is (a slow or paused tenant shows as the one behind)
        String tenants = progress.tenants().isEmpty()
                ? ""
                : progress.tenants().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue().done())
                        .collect(Collectors.joining(", ", " | tenants: ", ""));
        return String.format(
                Locale.ROOT,
                "%s%d/%d rows, %.1f rows/s%s%s%s%s%s",
                bar,
                done,
                total,
                rate,
                eta,
                counts.isEmpty() ? "" : " | " + counts,
                window,
                throttled,
                tenants);
    }

    private static boolean untouched(BudgetView budget) {
        return budget.left() >= budget.capacity()
                && !budget.learned()
                && budget.pausedFor().isZero();
    }

    /** "window: 120 of 500 writes left (learned: 50 per 30 s)". */
    static String windowText(BudgetView budget) {
        String text = "window: " + budget.left() + " of " + budget.capacity() + " writes left";
        if (budget.learned()) {
            text += " (learned: " + budget.learnedCapacity() + " per "
                    + Durations.format(budget.learnedWindow().toMillis()) + ")";
        }
        return text;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (terminal) {
            err.print(ERASE_LINE);
            err.flush();
        }
    }
}

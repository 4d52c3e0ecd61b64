package dev.qcl.job;

import dev.qcl.qlik.HttpStats;
import dev.qcl.results.HttpCounts;
import dev.qcl.results.RunHttpCounts;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Keeps an execution's HTTP counters in the job repository ({@link RunHttpCounts}) while it runs: what
 * this process sent for the run, the reads before the job (data sources, specs, a prune's plan)
 * included. A writer thread saves them whenever they change, outside any transaction, and the end of
 * the job saves them once more, after the rows that were on their way when a step ended have been
 * answered.
 *
 * <p>Not the steps' {@code ExecutionContext}, where the framework would keep them: it is saved only
 * with a chunk, so a killed execution lost every request after its last chunk, a step that did not run
 * again (a run continued in its prune step) lost the reads before it, and the rows still on the wire
 * when a step ended were counted after its context was saved (issue 22).
 */
final class HttpCountRecorder implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(HttpCountRecorder.class);
    /** A lost wake-up costs at most this much delay; changes normally wake the writer at once. */
    private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final HttpStats stats;
    private final RunHttpCounts store;
    private final AtomicReference<HttpStats.Snapshot> accounted;
    private final AtomicBoolean changed = new AtomicBoolean();
    private volatile boolean running;
    private volatile Thread writer;
    private long runId;
    private long executionId;
    private HttpStats.Snapshot base = HttpStats.Snapshot.ZERO;
    private HttpCounts earlier = HttpCounts.NONE;

    /**
     * @param accounted what earlier jobs of this process took of {@code stats}: each counts only what came
     *     after; this job sets it to what it took when it ends
     */
    HttpCountRecorder(HttpStats stats, RunHttpCounts store, AtomicReference<HttpStats.Snapshot> accounted) {
        this.stats = stats;
        this.store = store;
        this.accounted = accounted;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        runId = execution.getJobInstance().getInstanceId();
        executionId = execution.getId();
        base = accounted.get();
        try {
            earlier = store.totalBefore(runId, executionId);
        } catch (RuntimeException e) {
            log.debug("HTTP counts of the earlier executions of run {} not read: {}", runId, e.getMessage());
        }
        save();
        running = true;
        Thread thread = new Thread(this::writeChanges, "qcl-http-counts");
        thread.setDaemon(true);
        writer = thread;
        stats.onChange(this::wake);
        thread.start();
    }

    @Override
    public void afterJob(JobExecution execution) {
        stats.onChange(null);
        running = false;
        Thread thread = writer;
        LockSupport.unpark(thread);
        // never interrupted: an interrupt in the middle of a statement closes H2's file channel
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        accounted.set(save());
    }

    /** 429s received in the whole run so far, its earlier executions included: for the timeline. */
    long throttledInRun() {
        return earlier.throttled() + stats.throttled() - base.throttled();
    }

    private void wake() {
        if (changed.compareAndSet(false, true)) {
            LockSupport.unpark(writer);
        }
    }

    private void writeChanges() {
        while (running) {
            if (changed.getAndSet(false)) {
                save();
            } else {
                LockSupport.parkNanos(this, IDLE_NANOS);
            }
        }
    }

    /** Saves what this execution has counted so far, and returns the snapshot it counted from. */
    private HttpStats.Snapshot save() {
        HttpStats.Snapshot now = stats.snapshot();
        HttpStats.Snapshot mine = now.since(base);
        try {
            store.save(
                    runId,
                    executionId,
                    new HttpCounts(mine.requests(), mine.retries(), mine.throttled(), mine.throttleWaitMillis()));
        } catch (RuntimeException e) {
            // the counts only describe the run: a database that cannot take them must not disturb it
            log.debug("HTTP counts of run {} not saved: {}", runId, e.getMessage());
        }
        return now;
    }
}

package dev.qcl.job;

import dev.qcl.results.ResultRepository;
import dev.qcl.results.TimelineSample;
import dev.qcl.run.RunProgress;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Samples a running execution every few seconds (rows done, 429s received) into the run's timeline,
 * from which the report draws throughput and throttling over time.
 */
final class TimelineRecorder implements JobExecutionListener {
    private static final Logger log = LoggerFactory.getLogger(TimelineRecorder.class);
    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final ResultRepository results;
    private final RunProgress progress;
    private final LongSupplier throttled;
    private final Clock clock;
    private ScheduledExecutorService timer;
    private long runId;
    private long rowsBefore;

    /** @param throttled the 429s the run has received so far, its earlier executions included */
    TimelineRecorder(ResultRepository results, RunProgress progress, LongSupplier throttled, Clock clock) {
        this.results = results;
        this.progress = progress;
        this.throttled = throttled;
        this.clock = clock;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        runId = jobExecution.getJobInstance().getInstanceId();
        rowsBefore = results.counts(runId).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        sample();
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qcl-timeline");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::sample, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        // never shutdownNow(): an interrupt that reaches a sample in the middle of its insert closes H2's
        // file channel (ClosedByInterruptException) and with it the job repository
        timer.shutdown();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    private void sample() {
        try {
            results.addSample(
                    runId, new TimelineSample(clock.instant(), rowsBefore + progress.done(), throttled.getAsLong()));
        } catch (RuntimeException e) {
            // a missed sample only thins the chart; it must never disturb the run
            log.debug("Timeline sample of run {} not stored: {}", runId, e.getMessage());
        }
    }
}

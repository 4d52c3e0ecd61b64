package dev.qcl.job;

import dev.qcl.qlik.HttpStats;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

/**
 * Keeps the HTTP counters in the step's execution context, saved with every chunk and once more when
 * the step ends (a failed chunk's requests happened too), so that a restarted run continues counting
 * and the summary describes all its executions.
 */
public final class HttpStatsStream implements ItemStream, StepExecutionListener {
    public static final String REQUESTS = "qcl.http.requests";
    public static final String RETRIES = "qcl.http.retries";
    public static final String THROTTLED = "qcl.http.throttled";
    public static final String WAIT_MILLIS = "qcl.http.throttle-wait-ms";

    private final HttpStats stats;

    HttpStatsStream(HttpStats stats) {
        this.stats = stats;
    }

    @Override
    public void open(ExecutionContext context) {
        stats.restore(
                context.getLong(REQUESTS, 0L),
                context.getLong(RETRIES, 0L),
                context.getLong(THROTTLED, 0L),
                context.getLong(WAIT_MILLIS, 0L));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        update(stepExecution.getExecutionContext());
        return stepExecution.getExitStatus();
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(REQUESTS, stats.requests());
        context.putLong(RETRIES, stats.retries());
        context.putLong(THROTTLED, stats.throttled());
        context.putLong(WAIT_MILLIS, stats.throttleWaitMillis());
    }
}

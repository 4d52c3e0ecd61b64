package dev.qcl.job;

import dev.qcl.qlik.HttpStats;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The HTTP requests of a step after the rows' step (prune), kept in that step's execution context
 * under the same keys as {@link HttpStatsStream}, so that the run's summary counts them too. Only
 * what this step sent is kept, added to what earlier executions of it sent.
 */
final class StepHttpCounts implements StepExecutionListener {
    private final HttpStats stats;
    private HttpStats.Snapshot before;

    StepHttpCounts(HttpStats stats) {
        this.stats = stats;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        before = stats.snapshot();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        HttpStats.Snapshot after = stats.snapshot();
        ExecutionContext context = stepExecution.getExecutionContext();
        add(context, HttpStatsStream.REQUESTS, after.requests() - before.requests());
        add(context, HttpStatsStream.RETRIES, after.retries() - before.retries());
        add(context, HttpStatsStream.THROTTLED, after.throttled() - before.throttled());
        add(context, HttpStatsStream.WAIT_MILLIS, after.throttleWaitMillis() - before.throttleWaitMillis());
        return stepExecution.getExitStatus();
    }

    private static void add(ExecutionContext context, String key, long sent) {
        context.putLong(key, context.getLong(key, 0L) + sent);
    }
}

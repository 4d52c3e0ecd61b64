package dev.qcl.job;

import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/** Stores each row's result in the chunk's transaction. */
final class ResultWriter implements ItemWriter<RowResult>, StepExecutionListener {
    private final ResultRepository results;
    private final String tenant;
    private long runId;

    ResultWriter(ResultRepository results) {
        this(results, "");
    }

    /** The writer of one tenant's part of a run over several: each result names the tenant. */
    ResultWriter(ResultRepository results, String tenant) {
        this.results = results;
        this.tenant = tenant;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public void write(Chunk<? extends RowResult> chunk) {
        if (tenant.isEmpty()) {
            results.insert(runId, chunk.getItems());
        } else {
            results.insert(
                    runId,
                    chunk.getItems().stream().map(r -> r.ofTenant(tenant)).toList());
        }
    }
}

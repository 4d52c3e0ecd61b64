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
    private long runId;

    ResultWriter(ResultRepository results) {
        this.results = results;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
    }

    @Override
    public void write(Chunk<? extends RowResult> chunk) {
        results.insert(runId, chunk.getItems());
    }
}

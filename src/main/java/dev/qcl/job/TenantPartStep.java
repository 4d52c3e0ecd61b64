package dev.qcl.job;

import java.util.Map;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;

/**
 * The worker step of the partitioned run: runs a partition's execution with the steps of its tenant (a
 * flow of the rows' step and, with {@code --prune}, the prune step). One worker step for every partition,
 * as Spring Batch's partitioning wants; which tenant it serves is in the partition's execution context.
 */
final class TenantPartStep implements Step {
    static final String NAME = "tenant";

    private final Map<String, Step> parts;

    TenantPartStep(Map<String, Step> parts) {
        this.parts = Map.copyOf(parts);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public void execute(StepExecution stepExecution) throws JobInterruptedException {
        String alias = stepExecution.getExecutionContext().getString(TenantPartitioner.ALIAS);
        Step part = parts.get(alias);
        if (part == null) {
            throw new IllegalStateException("no part of tenant " + alias + " in this run");
        }
        part.execute(stepExecution);
    }
}

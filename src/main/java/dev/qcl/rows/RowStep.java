package dev.qcl.rows;

import dev.qcl.results.RowResult;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * The parts of the load step that handle rows, as {@link RowSending} builds them for one run: what the
 * step reads, what turns each item into a row's result, and the listener that learns the step's run.
 *
 * @param <I> what the step reads: a validated row, or a row already on its way to the tenant
 */
public record RowStep<I>(
        ItemStreamReader<I> reader, ItemProcessor<I, RowResult> processor, StepExecutionListener listener) {}

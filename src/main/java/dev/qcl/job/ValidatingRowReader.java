package dev.qcl.job;

import dev.qcl.connector.RowCheck;
import dev.qcl.connector.RowValidator;
import dev.qcl.connector.Violation;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RowSelection;
import dev.qcl.run.RunParameters;
import java.util.List;
import java.util.function.Function;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the input rows and validates each, in row order: validation runs in the reading thread so
 * that "duplicate of an earlier valid row" is decided in sheet order even when rows are then sent
 * concurrently. On a restart the keys of the rows already done are loaded from the results. A dry run
 * reads and validates ahead in a thread of its own ({@link RowsAhead}), in the same order.
 */
final class ValidatingRowReader implements ItemStreamReader<RowCheck>, StepExecutionListener {
    private final ConnectionCsvReader csv;
    private final Function<CsvHeader, RowValidator> validators;
    private final RowSelection selection;
    private final ResultRepository results;
    private final SeenKeys seen = new SeenKeys();
    private RowValidator validator;
    private long runId;
    private boolean readAhead;
    private RowsAhead ahead;

    ValidatingRowReader(
            ConnectionCsvReader csv,
            Function<CsvHeader, RowValidator> validators,
            RowSelection selection,
            ResultRepository results) {
        this.csv = csv;
        this.validators = validators;
        this.selection = selection;
        this.results = results;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        runId = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        readAhead = RunParameters.from(stepExecution.getJobParameters()).dryRun();
    }

    @Override
    public void open(ExecutionContext context) {
        csv.open(context);
        validator = validators.apply(csv.header());
        results.forEach(runId, done -> {
            if (done.status() != RowStatus.INVALID) {
                seen.putIfAbsent(done.qName(), done.space(), done.row());
            }
        });
        if (readAhead) {
            ahead = RowsAhead.start(this::readHere, csv::position, csv.position());
        }
    }

    @Override
    public RowCheck read() throws Exception {
        return ahead != null ? ahead.next() : readHere();
    }

    private RowCheck readHere() {
        InputRow row;
        while ((row = csv.read()) != null) {
            if (selection.includes(row, csv.header())) {
                return validate(row);
            }
        }
        return null;
    }

    private RowCheck validate(InputRow row) {
        RowCheck check = validator.validate(row);
        if (check instanceof RowCheck.Valid valid) {
            var draft = valid.draft();
            int first = seen.putIfAbsent(draft.qName(), draft.spaceId(), draft.row());
            if (first != 0) {
                return new RowCheck.Invalid(
                        draft.row(),
                        draft.qName(),
                        draft.dataSourceId(),
                        draft.spaceId(),
                        List.of(validator.inCell(
                                new Violation(
                                        CsvHeader.Q_NAME,
                                        "duplicate of row " + first + " (same qName and space); remove one of them"),
                                row)));
            }
        }
        return check;
    }

    @Override
    public void update(ExecutionContext context) {
        if (ahead != null) {
            // where the step is, not where the thread reading ahead is
            csv.update(context, ahead.position());
        } else {
            csv.update(context);
        }
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
            ahead = null;
        }
        csv.close();
    }
}

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
    private final String tenant;
    private final Refusal refusal;

    /** A rule that makes a row INVALID before it is validated; null when the row passes it. */
    @FunctionalInterface
    interface Refusal {
        Refusal NONE = (row, header) -> null;

        Violation of(InputRow row, CsvHeader header);
    }

    private RowValidator validator;
    private long runId;
    private boolean readAhead;
    private RowsAhead ahead;

    ValidatingRowReader(
            ConnectionCsvReader csv,
            Function<CsvHeader, RowValidator> validators,
            RowSelection selection,
            ResultRepository results) {
        this(csv, validators, selection, results, "", Refusal.NONE);
    }

    /**
     * The reader of one tenant's part of a run over several: {@code selection} picks the tenant's rows,
     * duplicates are judged among them, and a row that {@code refusal} gives a violation is INVALID
     * without being validated (a row naming no tenant of the file).
     */
    ValidatingRowReader(
            ConnectionCsvReader csv,
            Function<CsvHeader, RowValidator> validators,
            RowSelection selection,
            ResultRepository results,
            String tenant,
            Refusal refusal) {
        this.csv = csv;
        this.validators = validators;
        this.selection = selection;
        this.results = results;
        this.tenant = tenant;
        this.refusal = refusal;
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
            if (done.status() != RowStatus.INVALID && done.tenant().equals(tenant)) {
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
        Violation refused = refusal.of(row, csv.header());
        if (refused != null) {
            CsvHeader header = csv.header();
            return new RowCheck.Invalid(
                    row.row(),
                    cell(row, header, CsvHeader.Q_NAME),
                    cell(row, header, CsvHeader.DATA_SOURCE_ID),
                    cell(row, header, CsvHeader.SPACE).isEmpty()
                            ? cell(row, header, CsvHeader.SPACE_NAME)
                            : cell(row, header, CsvHeader.SPACE),
                    List.of(refused));
        }
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

    private static String cell(InputRow row, CsvHeader header, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= row.cells().size()
                ? ""
                : row.cells().get(index).strip();
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

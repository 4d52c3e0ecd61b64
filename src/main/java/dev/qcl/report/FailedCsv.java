package dev.qcl.report;

import com.opencsv.ICSVWriter;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.RereadRows;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * failed.csv: the INVALID and FAILED rows exactly as the input had them (the input file is read
 * again, so no cell is ever stored), plus a last column {@code # error} with the message; it can be
 * fixed and fed back as input. Both the input and the results are streamed in row order and merged;
 * the input's bytes are scanned and only the problem rows decoded ({@link RereadRows}), unless it holds
 * something that scan does not know.
 */
final class FailedCsv {
    static final String ERROR_COLUMN = "# error";
    static final String FILE_NAME = "failed.csv";
    private static final Logger log = LoggerFactory.getLogger(FailedCsv.class);

    private final ResultRepository results;

    FailedCsv(ResultRepository results) {
        this.results = results;
    }

    /** The name of the failed rows' file in the report of {@code run}: failed.xlsx for a workbook's run. */
    static String fileName(RunInfo run) {
        return run.sheet() != null ? FailedXlsx.FILE_NAME : FILE_NAME;
    }

    /** Writes the failed rows of {@code run} into {@code dir}, as failed.xlsx for a workbook's run. */
    static void writeInto(ResultRepository results, RunInfo run, Path dir) throws IOException {
        if (run.sheet() != null) {
            new FailedXlsx(results).write(run, dir.resolve(FailedXlsx.FILE_NAME));
        } else {
            new FailedCsv(results).write(run, dir.resolve(FILE_NAME));
        }
    }

    void write(RunInfo run, Path file) throws IOException {
        Path input = Path.of(run.input());
        if (!Files.isRegularFile(input)) {
            changed(run, input, file);
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        CsvHeader header;
        try {
            header = headerOf(input);
        } catch (InputFileException | UncheckedIOException e) {
            changed(run, input, file); // it cannot be the file the run read: that one had a header
            return;
        }
        RereadRows.Outcome outcome;
        try (Stream<RowResult> problems = results.problems(run.runId());
                Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                ICSVWriter csv = Csv.writer(out)) {
            int errorColumn = writeHeader(csv, header);
            Map<Integer, String> messages = new HashMap<>();
            Iterator<Integer> rows = problems.map(problem -> {
                        messages.put(problem.row(), problem.message());
                        return problem.row();
                    })
                    .iterator();
            outcome = RereadRows.read(
                    input,
                    run.inputSha256(),
                    rows,
                    (row, cells) ->
                            csv.writeNext(withError(cells, header.size(), errorColumn, messages.remove(row)), false));
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }
        switch (outcome) {
            case READ -> Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            case CHANGED -> {
                Files.deleteIfExists(temp);
                changed(run, input, file);
            }
            case UNUSUAL -> {
                Files.deleteIfExists(temp);
                writeDecodingEveryRow(run, input, file);
            }
        }
    }

    private static void changed(RunInfo run, Path input, Path file) throws IOException {
        log.warn("The input {} changed since run {}; failed.csv is not written", input, run.runId());
        Files.deleteIfExists(file);
    }

    private static CsvHeader headerOf(Path input) {
        ConnectionCsvReader reader = new ConnectionCsvReader(input);
        reader.open(new ExecutionContext());
        try {
            return reader.header();
        } finally {
            reader.close();
        }
    }

    /** The header of failed.csv; returns the column of the message. */
    private static int writeHeader(ICSVWriter csv, CsvHeader header) {
        int errorColumn = header.indexOf(ERROR_COLUMN);
        List<String> columns = new ArrayList<>(header.columns());
        if (errorColumn < 0) {
            columns.add(ERROR_COLUMN);
        }
        csv.writeNext(columns.toArray(String[]::new), false);
        return errorColumn;
    }

    /** An input the byte scan does not know: every row decoded, after a separate check that it is unchanged. */
    private void writeDecodingEveryRow(RunInfo run, Path input, Path file) throws IOException {
        if (!sameInput(run, input)) {
            changed(run, input, file);
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        ConnectionCsvReader reader = new ConnectionCsvReader(input);
        reader.open(new ExecutionContext());
        try (Stream<RowResult> problems = results.problems(run.runId());
                Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                ICSVWriter csv = Csv.writer(out)) {
            CsvHeader header = reader.header();
            int errorColumn = writeHeader(csv, header);
            Iterator<RowResult> pending = problems.iterator();
            InputRow row = reader.read();
            while (pending.hasNext()) {
                RowResult problem = pending.next();
                while (row != null && row.row() < problem.row()) {
                    row = reader.read();
                }
                if (row != null && row.row() == problem.row()) {
                    csv.writeNext(withError(row.cells(), header.size(), errorColumn, problem.message()), false);
                }
            }
        } catch (Exception e) {
            Files.deleteIfExists(temp);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            reader.close();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String[] withError(List<String> cells, int headerSize, int errorColumn, String message) {
        List<String> out = new ArrayList<>(cells);
        // a short record is padded so that the message lands in the # error column
        while (out.size() < headerSize) {
            out.add("");
        }
        if (errorColumn >= 0) {
            out.set(errorColumn, message);
        } else {
            out.add(message);
        }
        return out.toArray(String[]::new);
    }

    private static boolean sameInput(RunInfo run, Path input) {
        try {
            return InputFiles.sha256(input).equals(run.inputSha256());
        } catch (InputFileException e) {
            return false;
        }
    }
}

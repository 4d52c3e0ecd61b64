package dev.qcl.report;

import com.opencsv.ICSVWriter;
import dev.qcl.batch.ResultRepository;
import dev.qcl.batch.RowResult;
import dev.qcl.batch.RunInfo;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import dev.qcl.csv.InputRow;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * failed.csv: the INVALID and FAILED rows exactly as the input had them (the input file is read
 * again, so no cell is ever stored), plus a last column {@code # error} with the message; it can be
 * fixed and fed back as input. Both the input and the results are streamed in row order and merged.
 */
final class FailedCsv {
    static final String ERROR_COLUMN = "# error";
    private static final Logger log = LoggerFactory.getLogger(FailedCsv.class);

    private final ResultRepository results;

    FailedCsv(ResultRepository results) {
        this.results = results;
    }

    void write(RunInfo run, Path file) throws IOException {
        Path input = Path.of(run.input());
        if (!sameInput(run, input)) {
            log.warn("The input {} changed since run {}; failed.csv is not written", input, run.runId());
            Files.deleteIfExists(file);
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        ConnectionCsvReader reader = new ConnectionCsvReader(input);
        reader.open(new ExecutionContext());
        try (Stream<RowResult> problems = results.problems(run.runId());
                Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                ICSVWriter csv = Csv.writer(out)) {
            CsvHeader header = reader.header();
            int errorColumn = header.indexOf(ERROR_COLUMN);
            List<String> columns = new ArrayList<>(header.columns());
            if (errorColumn < 0) {
                columns.add(ERROR_COLUMN);
            }
            csv.writeNext(columns.toArray(String[]::new), false);
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

    private static String[] withError(List<String> cells, int headerSize, int errorColumn, String message) {
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

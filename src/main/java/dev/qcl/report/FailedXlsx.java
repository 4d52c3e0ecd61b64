package dev.qcl.report;

import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import dev.qcl.csv.InputRow;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.workbook.TextWorkbookWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * failed.xlsx, for a run of a workbook: the sheet's header and the INVALID and FAILED rows' cells as the
 * run read them (text cells, so that they load back unchanged), plus a last column {@code # error} with
 * the message; a sheet of the same name, so it can be fixed and fed back as input. The input is read
 * again (no cell is ever stored) after a check that it is the file the run read.
 */
final class FailedXlsx {
    static final String FILE_NAME = "failed.xlsx";
    private static final Logger log = LoggerFactory.getLogger(FailedXlsx.class);

    private final ResultRepository results;

    FailedXlsx(ResultRepository results) {
        this.results = results;
    }

    void write(RunInfo run, Path file) throws IOException {
        Path input = Path.of(run.input());
        if (!sameInput(run, input)) {
            log.warn("The input {} changed since run {}; {} is not written", input, run.runId(), FILE_NAME);
            Files.deleteIfExists(file);
            return;
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        ConnectionCsvReader reader = new ConnectionCsvReader(input, run.sheet());
        try (Stream<RowResult> problems = results.problems(run.runId());
                TextWorkbookWriter out = new TextWorkbookWriter(run.sheet())) {
            reader.open(new ExecutionContext());
            CsvHeader header = reader.header();
            int errorColumn = header.indexOf(FailedCsv.ERROR_COLUMN);
            List<String> columns = new ArrayList<>(header.columns());
            if (errorColumn < 0) {
                columns.add(FailedCsv.ERROR_COLUMN);
            }
            out.row(columns);
            Iterator<RowResult> pending = problems.iterator();
            InputRow row = reader.read();
            while (pending.hasNext()) {
                RowResult problem = pending.next();
                while (row != null && row.row() < problem.row()) {
                    row = reader.read();
                }
                if (row != null && row.row() == problem.row()) {
                    out.row(List.of(FailedCsv.withError(row.cells(), header.size(), errorColumn, problem.message())));
                }
            }
            try (OutputStream bytes = Files.newOutputStream(temp)) {
                out.writeTo(bytes);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        } finally {
            reader.close();
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static boolean sameInput(RunInfo run, Path input) {
        try {
            return Files.isRegularFile(input) && InputFiles.sha256(input).equals(run.inputSha256());
        } catch (InputFileException | UncheckedIOException e) {
            return false;
        }
    }
}

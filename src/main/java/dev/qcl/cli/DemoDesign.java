package dev.qcl.cli;

import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.InputRow;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How the demo's sample sheet is meant to end: the rows whose {@code # note} says "INVALID on
 * purpose" INVALID (they are there to show failed.csv), every other row CREATED. The demo exits 0
 * when its run ends so, and 1 when it does not (a real problem).
 */
record DemoDesign(List<String> invalidOnPurpose, int rows) {
    static final String NOTE_COLUMN = "# note";
    static final String MARK = "INVALID on purpose";

    DemoDesign {
        invalidOnPurpose = invalidOnPurpose.stream().sorted().toList();
    }

    /** The design as the sample's notes state it (a CSV file or a workbook, read as a run reads it). */
    static DemoDesign of(Path sample) {
        ConnectionCsvReader reader = new ConnectionCsvReader(sample);
        reader.open(new ExecutionContext());
        try {
            List<String> header = reader.header().columns();
            int qName = header.indexOf("qName");
            int note = header.indexOf(NOTE_COLUMN);
            List<String> invalid = new ArrayList<>();
            int rows = 0;
            for (InputRow row = reader.read(); row != null; row = reader.read()) {
                rows++;
                if (note >= 0 && row.cell(note).startsWith(MARK)) {
                    invalid.add(row.cell(qName));
                }
            }
            return new DemoDesign(invalid, rows);
        } finally {
            reader.close();
        }
    }

    /** What the demo tells before it runs. */
    String intro(String failedFile) {
        return "The sample's " + invalidOnPurpose.size() + " rows marked '" + MARK + "' are there to show " + failedFile
                + ";"
                + " the other " + (rows - invalidOnPurpose.size()) + " are created.";
    }

    /** True when the run's results are exactly the design: those rows INVALID, all others CREATED. */
    boolean matches(List<RowResult> results) {
        List<String> invalid = results.stream()
                .filter(r -> r.status() == RowStatus.INVALID)
                .map(RowResult::qName)
                .sorted()
                .toList();
        long created =
                results.stream().filter(r -> r.status() == RowStatus.CREATED).count();
        return results.size() == rows && created == rows - invalidOnPurpose.size() && invalid.equals(invalidOnPurpose);
    }

    /** Exit 0 instead of 1 when the only problem rows are the ones meant to be INVALID. */
    int exitCode(int runExitCode, boolean asDesigned, java.io.PrintWriter err) {
        if (runExitCode != ExitCode.ROWS_FAILED) {
            return runExitCode;
        }
        if (asDesigned) {
            return ExitCode.OK;
        }
        err.println("qcl: the demo did not end as designed: expected the " + invalidOnPurpose.size()
                + " rows marked '" + MARK + "' INVALID and the other " + (rows - invalidOnPurpose.size())
                + " CREATED; see the report");
        err.flush();
        return runExitCode;
    }
}

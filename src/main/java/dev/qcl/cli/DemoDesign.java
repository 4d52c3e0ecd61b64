package dev.qcl.cli;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /** The design as the sample's notes state it. */
    static DemoDesign of(Path sample) {
        try (Reader in = Files.newBufferedReader(sample, StandardCharsets.UTF_8);
                CSVReader csv = new CSVReader(in)) {
            List<String[]> records = csv.readAll();
            List<String> header = Arrays.asList(records.get(0));
            int qName = header.indexOf("qName");
            int note = header.indexOf(NOTE_COLUMN);
            List<String> invalid = new ArrayList<>();
            int rows = 0;
            for (String[] record : records.subList(1, records.size())) {
                if (record.length == 1 && record[0].isBlank()) {
                    continue;
                }
                rows++;
                if (note >= 0 && note < record.length && record[note].startsWith(MARK)) {
                    invalid.add(record[qName]);
                }
            }
            return new DemoDesign(invalid, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo sample " + sample, e);
        } catch (CsvException e) {
            throw new IllegalStateException("the demo sample " + sample + " is not a CSV file", e);
        }
    }

    /** What the demo tells before it runs. */
    String intro() {
        return "The sample's " + invalidOnPurpose.size() + " rows marked '" + MARK + "' are there to show failed.csv;"
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

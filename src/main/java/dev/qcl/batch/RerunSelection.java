package dev.qcl.batch;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows a {@code rerun-failed} takes: from the original file by row number, or from a corrected
 * copy by qName, and by qName + space where a qName failed more than once.
 */
final class RerunSelection {
    private RerunSelection() {}

    static RowSelection failedRowsOf(long runId, ResultRepository results) {
        BitSet rows = new BitSet();
        results.forEach(runId, r -> {
            if (r.status().isRerunnable() && r.row() > 0) {
                rows.set(r.row());
            }
        });
        return (row, header) -> rows.get(row.row());
    }

    static RowSelection failedNamesOf(long runId, ResultRepository results) {
        Map<String, Set<String>> spacesByName = new HashMap<>();
        results.forEach(runId, r -> {
            if (r.status().isRerunnable() && r.row() > 0) {
                spacesByName.computeIfAbsent(r.qName(), k -> new HashSet<>()).add(r.space());
            }
        });
        return (row, header) -> {
            Set<String> spaces = spacesByName.get(cell(row, header, CsvHeader.Q_NAME).strip());
            if (spaces == null) {
                return false;
            }
            return spaces.size() == 1
                    || spaces.contains(cell(row, header, CsvHeader.SPACE).strip())
                    || spaces.contains(cell(row, header, CsvHeader.SPACE_NAME).strip());
        };
    }

    static long count(long runId, ResultRepository results) {
        var counts = results.counts(runId);
        return counts.get(RowStatus.INVALID) + counts.get(RowStatus.FAILED);
    }

    private static String cell(InputRow row, CsvHeader header, String column) {
        return row.cell(header.indexOf(column));
    }
}

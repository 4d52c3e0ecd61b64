package dev.qcl.launch;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.connector.TenantReadException;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.Names;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RowSelection;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rows a {@code rerun-failed} takes: from the original file by row number, or from a corrected
 * copy by qName, and by qName + space where a qName failed more than once. The space is compared
 * resolved: a corrected row that names by {@code spaceName} the space that the run stored by ID matches.
 */
final class RerunSelection {
    /** Qlik's longest space name; a longer cell is not looked up. */
    private static final int SPACE_NAME_CHARS = 256;

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
        return new ByName(spacesByName, null);
    }

    static long count(long runId, ResultRepository results) {
        var counts = results.counts(runId);
        return counts.get(RowStatus.INVALID) + counts.get(RowStatus.FAILED);
    }

    /**
     * Failed rows by qName, and where a name failed in several spaces by the space: the stored space (an ID,
     * or the cell as written when it could not be resolved) against the row's space ID, its spaceName, or
     * the ID that spaceName resolves to.
     */
    private record ByName(Map<String, Set<String>> spacesByName, SpaceDirectory spaces) implements RowSelection {
        @Override
        public boolean includes(InputRow row, CsvHeader header) {
            Set<String> stored = spacesByName.get(cell(row, header, CsvHeader.Q_NAME));
            if (stored == null) {
                return false;
            }
            if (stored.size() == 1) {
                return true;
            }
            String spaceId = cell(row, header, CsvHeader.SPACE);
            String spaceName = cell(row, header, CsvHeader.SPACE_NAME);
            if (spaceId.isEmpty() && spaceName.isEmpty()) {
                return stored.contains("");
            }
            // an empty cell is no match: "" stored is the personal space, which a row naming a space is not in
            if ((!spaceId.isEmpty() && stored.contains(spaceId))
                    || (!spaceName.isEmpty() && stored.contains(spaceName))) {
                return true;
            }
            return spaceId.isEmpty() && resolvesToStored(spaceName, stored);
        }

        private boolean resolvesToStored(String spaceName, Set<String> stored) {
            if (spaces == null) {
                return false;
            }
            if (spaceName.length() > SPACE_NAME_CHARS) {
                // no space has such a name: validating the row says so
                return true;
            }
            try {
                return spaces.idsByExactName(spaceName).stream().anyMatch(stored::contains);
            } catch (TenantReadException e) {
                // the space cannot be looked up now: take the row; validating it records why it fails
                return true;
            }
        }

        @Override
        public RowSelection withSpaces(SpaceDirectory spaces) {
            return new ByName(spacesByName, spaces);
        }

        private static String cell(InputRow row, CsvHeader header, String column) {
            return Names.cell(row, header, column);
        }
    }
}

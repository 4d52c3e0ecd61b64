package dev.qcl.prune;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.connector.SpaceMap;
import dev.qcl.connector.TenantReadException;
import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.Names;
import dev.qcl.qlik.api.ExistingConnection;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The connections a sheet names, qName + space, which a prune never deletes. Every row counts, valid
 * or not. A row whose space cannot be told (a {@code spaceName} matching no space or several, a record
 * with the wrong number of cells) protects its qName in every space: its space may be what is wrong.
 */
final class SheetNames {
    private static final String PERSONAL = "";
    private final Set<String> named = new HashSet<>();
    private final Set<String> inAnySpace = new HashSet<>();

    private final SpaceMap spaceMap;

    private SheetNames(SpaceMap spaceMap) {
        this.spaceMap = spaceMap;
    }

    /** The names in the sheet, with its space cells mapped by {@code --map-space} as the run maps them. */
    static SheetNames read(Path input, String sheet, SpaceDirectory spaces, SpaceMap spaceMap) {
        return read(input, sheet, spaces, spaceMap, "");
    }

    /** The names in the rows of {@code tenant} (every row when it is empty, a run over one tenant). */
    static SheetNames read(Path input, String sheet, SpaceDirectory spaces, SpaceMap spaceMap, String tenant) {
        SheetNames names = new SheetNames(spaceMap);
        ConnectionCsvReader.forEachRow(input, sheet, (header, row) -> {
            if (tenant.isEmpty() || cell(row, header, CsvHeader.TENANT).equals(tenant)) {
                names.add(row, header, spaces);
            }
        });
        return names;
    }

    /** Whether a row of the sheet names this connection. */
    boolean names(ExistingConnection connection) {
        // the tenant's name read as the sheet's are: one that differs only in Unicode form is the same name
        String qName = Names.normalized(connection.qName());
        return inAnySpace.contains(qName) || named.contains(key(connection.spaceId(), qName));
    }

    private void add(InputRow row, CsvHeader header, SpaceDirectory spaces) {
        String qName = cell(row, header, CsvHeader.Q_NAME);
        if (qName.isEmpty()) {
            return;
        }
        String spaceId = spaceMap.apply(cell(row, header, CsvHeader.SPACE));
        String spaceName = spaceMap.apply(cell(row, header, CsvHeader.SPACE_NAME));
        if (row.cells().size() != header.size()) {
            inAnySpace.add(qName);
            return;
        }
        if (!spaceId.isEmpty()) {
            named.add(key(spaceId, qName));
        }
        if (!spaceName.isEmpty()) {
            List<String> ids;
            try {
                ids = spaces.idsByExactName(spaceName);
            } catch (TenantReadException e) {
                // the space cannot be looked up now: the name protects its connections in every space
                ids = List.of();
            }
            ids.forEach(id -> named.add(key(id, qName)));
            if (ids.size() != 1) {
                inAnySpace.add(qName);
            }
        }
        if (spaceId.isEmpty() && spaceName.isEmpty()) {
            named.add(key(PERSONAL, qName));
        }
    }

    private static String cell(InputRow row, CsvHeader header, String column) {
        return Names.cell(row, header, column);
    }

    private static String key(String spaceId, String qName) {
        return (spaceId == null ? PERSONAL : spaceId) + '\u0000' + qName;
    }
}

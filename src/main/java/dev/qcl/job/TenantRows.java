package dev.qcl.job;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.run.RowSelection;
import java.util.Set;

/**
 * The rows of one tenant's part: those of the run's selection whose {@code tenant} cell names the part's
 * alias (exactly), or, for the part of rows naming no tenant, those whose cell names none of the file.
 */
record TenantRows(String alias, Set<String> aliases, RowSelection selection) implements RowSelection {
    TenantRows {
        aliases = Set.copyOf(aliases);
    }

    @Override
    public boolean includes(InputRow row, CsvHeader header) {
        String tenant = tenantOf(row, header);
        boolean mine = alias.equals(TenantPartitioner.UNASSIGNED) ? !aliases.contains(tenant) : alias.equals(tenant);
        return mine && selection.includes(row, header);
    }

    @Override
    public RowSelection withSpaces(SpaceDirectory spaces) {
        return new TenantRows(alias, aliases, selection.withSpaces(spaces));
    }

    static String tenantOf(InputRow row, CsvHeader header) {
        int index = header.indexOf(CsvHeader.TENANT);
        return index < 0 || index >= row.cells().size()
                ? ""
                : row.cells().get(index).strip();
    }
}

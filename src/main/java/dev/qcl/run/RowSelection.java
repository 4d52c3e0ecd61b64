package dev.qcl.run;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;

/** Which input rows a run takes: all of them, or for {@code rerun-failed} only the failed ones. */
@FunctionalInterface
public interface RowSelection {
    RowSelection ALL = (row, header) -> true;

    boolean includes(InputRow row, CsvHeader header);

    /** This selection with the run's space look-ups, for a selection that matches rows by resolved space. */
    default RowSelection withSpaces(SpaceDirectory spaces) {
        return this;
    }
}

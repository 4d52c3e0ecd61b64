package dev.qcl.batch;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;

/** Which input rows a run takes: all of them, or for {@code rerun-failed} only the failed ones. */
@FunctionalInterface
interface RowSelection {
    RowSelection ALL = (row, header) -> true;

    boolean includes(InputRow row, CsvHeader header);
}

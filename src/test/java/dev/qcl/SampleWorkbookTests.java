package dev.qcl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.csv.ConnectionCsvReader;
import dev.qcl.csv.InputRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The demo's sample workbook holds the sample CSV's rows (scripts/sample-workbook.sh writes it anew). */
class SampleWorkbookTests {
    static List<List<String>> rows(Path file) {
        ConnectionCsvReader reader = new ConnectionCsvReader(file);
        reader.open(new ExecutionContext());
        List<List<String>> rows = new ArrayList<>();
        rows.add(reader.header().columns());
        for (InputRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row.cells());
        }
        reader.close();
        return rows;
    }

    @Test
    void should_hold_the_same_22_rows_as_the_sample_csv() {
        List<List<String>> workbook = rows(SampleWorkbook.WORKBOOK);

        assertThat(workbook).hasSize(23).isEqualTo(rows(SampleWorkbook.CSV));
    }
}

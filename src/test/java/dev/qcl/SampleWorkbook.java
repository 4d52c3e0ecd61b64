package dev.qcl;

import com.opencsv.CSVReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Writes input-samples/connections.xlsx from input-samples/connections.csv: the same rows as a user
 * keeps them in Excel (whole numbers typed as numbers, true and false as booleans, the rest as text).
 * Run it again after changing the CSV with {@code scripts/sample-workbook.sh};
 * {@code SampleWorkbookTests} fails while the two differ.
 */
public final class SampleWorkbook {
    public static final Path CSV = Path.of("input-samples/connections.csv");
    public static final Path WORKBOOK = Path.of("input-samples/connections.xlsx");

    private SampleWorkbook() {}

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args.length > 0 ? args[0] : ".");
        write(project.resolve(CSV), project.resolve(WORKBOOK));
        System.out.println("wrote " + project.resolve(WORKBOOK));
    }

    static void write(Path csv, Path workbook) throws Exception {
        List<String[]> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVReader reader = new CSVReader(in)) {
            records = reader.readAll();
        }
        TestWorkbook sheet = TestWorkbook.sheet("Connections");
        sheet.row((Object[]) records.get(0));
        for (String[] record : records.subList(1, records.size())) {
            sheet.row(Arrays.stream(record).map(SampleWorkbook::typed).toArray());
        }
        sheet.write(workbook);
    }

    private static Object typed(String cell) {
        if (cell.matches("-?[1-9][0-9]{0,14}|0")) {
            return Long.parseLong(cell);
        }
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.parseBoolean(cell);
        }
        return cell;
    }
}

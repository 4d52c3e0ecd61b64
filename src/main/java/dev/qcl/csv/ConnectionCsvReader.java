package dev.qcl.csv;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads the data rows of an input file one at a time, restartable: the execution context keeps the number of
 * records consumed after the header (blank ones included), and a restart skips exactly that many. Assumes
 * {@link InputFiles#inspect(Path, String)} accepted the file; blank records are skipped but keep their row
 * number. A workbook's sheet is read the same way: a record is a row of the sheet ({@link WorkbookSource}).
 */
public final class ConnectionCsvReader extends ItemStreamSupport implements ItemStreamReader<InputRow> {
    /** Default prefix of this reader's keys in the execution context. */
    public static final String DEFAULT_NAME = "csvReader";

    private static final String POSITION = "position";

    private final Path file;
    private final String sheet;
    private InputSource source;
    private CsvHeader header;
    private long position;

    public ConnectionCsvReader(Path file) {
        this(file, null);
    }

    /** {@code sheet}: the sheet of a workbook to read (null: the first sheet, or a CSV file). */
    public ConnectionCsvReader(Path file, String sheet) {
        this.file = Objects.requireNonNull(file, "file");
        this.sheet = sheet;
        setName(DEFAULT_NAME);
    }

    @Override
    public void open(ExecutionContext context) {
        if (source != null) {
            throw new ItemStreamException("reader for " + file + " is already open");
        }
        source = InputSource.open(file, sheet);
        String[] first = source.next();
        if (first == null) {
            throw InputFileException.empty(file);
        }
        header = new CsvHeader(List.of(first));
        position = 0;
        long saved = context.getLong(getExecutionContextKey(POSITION), 0);
        while (position < saved) {
            if (source.next() == null) {
                throw new ItemStreamException(file + " has fewer rows than when the run started (resuming after "
                        + saved + " records, found " + position + "); restore the original file");
            }
            position++;
        }
    }

    @Override
    public InputRow read() {
        if (source == null) {
            throw new ItemStreamException("reader for " + file + " is not open");
        }
        for (String[] record = source.next(); record != null; record = source.next()) {
            position++;
            if (!source.blank(record)) {
                return source.inputRow(record);
            }
        }
        return null;
    }

    @Override
    public void update(ExecutionContext context) {
        update(context, position);
    }

    /** Records {@code position} (an earlier {@link #position()}) as where a restart resumes. */
    public void update(ExecutionContext context, long position) {
        context.putLong(getExecutionContextKey(POSITION), position);
    }

    /** The number of records consumed after the header, blank ones included. */
    public long position() {
        return position;
    }

    @Override
    public void close() {
        if (source != null) {
            source.close();
            source = null;
        }
    }

    /** The header of the file; available after {@link #open(ExecutionContext)}. */
    public CsvHeader header() {
        if (header == null) {
            throw new IllegalStateException("open the reader before asking for the header");
        }
        return header;
    }

    /** Reads every data row of an input (a workbook's {@code sheet}, or a CSV when null) once, in order. */
    public static void forEachRow(Path input, String sheet, java.util.function.BiConsumer<CsvHeader, InputRow> each) {
        ConnectionCsvReader csv = new ConnectionCsvReader(input, sheet);
        csv.open(new ExecutionContext());
        try {
            CsvHeader header = csv.header();
            for (InputRow row = csv.read(); row != null; row = csv.read()) {
                each.accept(header, row);
            }
        } finally {
            csv.close();
        }
    }
}

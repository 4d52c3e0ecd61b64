package dev.qcl.export;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import dev.qcl.workbook.TextWorkbookWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the export's files: the CSV (RFC 4180, quoted only where needed, LF; cells exactly as
 * {@code run} must read them, so never neutralised like report files) or a workbook of text cells, and
 * the {@code .env.example}.
 * Each file is written next to its target as a hidden {@code .<name>.<digits>.part} file and moved into
 * place, so a failed export leaves no half file. A killed one leaves its part file, with connection data
 * in it: the next export to the same file removes it first.
 */
final class ExportFiles {
    private static final Logger log = LoggerFactory.getLogger(ExportFiles.class);

    private static final String PART_SUFFIX = ".part";
    /** The sheet of an exported workbook. */
    static final String SHEET = "connections";

    private ExportFiles() {}

    static Path envExampleOf(Path output) {
        return output.resolveSibling(output.getFileName() + ".env.example");
    }

    static void writeCsv(Path output, List<String> header, List<List<String>> records) {
        // an export killed earlier may have left the part files of both
        removeLeftovers(output);
        removeLeftovers(envExampleOf(output));
        write(output, writer -> {
            try (ICSVWriter csv = new CSVWriterBuilder(writer).withLineEnd("\n").build()) {
                csv.writeNext(header.toArray(String[]::new), false);
                for (List<String> record : records) {
                    csv.writeNext(record.toArray(String[]::new), false);
                }
            }
        });
    }

    /** The export as a workbook: the same columns and cells, each a text cell, the header frozen. */
    static void writeXlsx(Path output, List<String> header, List<List<String>> records) {
        Path absolute = output.toAbsolutePath();
        try (TextWorkbookWriter workbook = new TextWorkbookWriter(SHEET)) {
            workbook.row(header);
            records.forEach(workbook::row);
            writeBytes(absolute, workbook::writeTo);
        } catch (IllegalArgumentException e) {
            // a value longer than a workbook cell holds: the CSV has no such limit
            throw new UncheckedIOException(
                    "cannot write " + absolute + ": " + e.getMessage() + "; export to a .csv file instead",
                    new IOException(e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    static void writeEnvExample(Path file, int connections, List<String> lines) {
        List<String> all = new ArrayList<>();
        all.add("# The secrets of the " + connections + " exported connections: set each variable in the environment");
        all.add("# of qcl run (never in this file's copy under version control). Key files are listed as comments.");
        all.addAll(lines);
        write(file, writer -> {
            for (String line : all) {
                writer.write(line);
                writer.write('\n');
            }
        });
    }

    /** Writes {@code target} through a temporary file beside it, moved into place when complete. */
    private static void writeBytes(Path target, Bytes content) {
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".part");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    content.writeTo(out);
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Bytes {
        void writeTo(OutputStream out) throws IOException;
    }

    private static void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            Path temporary = Files.createTempFile(absolute.getParent(), partPrefix(absolute), PART_SUFFIX);
            try {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                    content.writeTo(writer);
                }
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + absolute + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes the part files that an interrupted write of {@code target} left: {@code .<name>.<digits>.part},
     * and {@code .<name><digits>.part} as earlier versions named them. Nothing else matches.
     */
    static void removeLeftovers(Path target) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (!Files.isDirectory(folder)) {
            return;
        }
        Pattern leftover = Pattern.compile(
                Pattern.quote("." + absolute.getFileName()) + "\\.?[0-9]+" + Pattern.quote(PART_SUFFIX));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(
                folder, file -> leftover.matcher(file.getFileName().toString()).matches())) {
            for (Path file : files) {
                Files.deleteIfExists(file);
                log.info("Removed {}, left by an export that did not finish", file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot remove what an unfinished export left in " + folder + ": " + e.getMessage(), e);
        }
    }

    private static String partPrefix(Path absolute) {
        return "." + absolute.getFileName() + ".";
    }

    @FunctionalInterface
    private interface Content {
        void writeTo(Writer writer) throws IOException;
    }
}

package dev.qcl.cli;

import dev.qcl.csv.Background;
import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The file-level check of an input, started in the background so that it overlaps the start of the
 * Spring context. A missing file is reported at once; every other problem when the result is asked for.
 */
final class InputInspection {
    private final Background<InputFile> result;

    private InputInspection(Background<InputFile> result) {
        this.result = result;
    }

    /** {@code sheet}: the sheet of a workbook input, or null (its first sheet, or a CSV file). */
    static InputInspection start(Path input, String sheet) {
        if (!Files.exists(input)) {
            throw InputFileException.missingFile(input);
        }
        Background<InputFile> result = Background.start("qcl-inspect", () -> InputFiles.inspect(input, sheet));
        return new InputInspection(result);
    }

    /** The inspected file; throws the file-level problem (an {@link InputFileException}) if there is one. */
    InputFile result() {
        return result.join();
    }
}

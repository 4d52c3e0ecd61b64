package dev.qcl.cli;

import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The file-level check of an input, started in the background so that it overlaps the start of the
 * Spring context. A missing file is reported at once; every other problem when the result is asked for.
 */
final class InputInspection {
    private final CompletableFuture<InputFile> result;

    private InputInspection(CompletableFuture<InputFile> result) {
        this.result = result;
    }

    static InputInspection start(Path input) {
        if (!Files.exists(input)) {
            throw InputFileException.missingFile(input);
        }
        CompletableFuture<InputFile> result = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        result.complete(InputFiles.inspect(input));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                "qcl-inspect");
        thread.setDaemon(true);
        thread.start();
        return new InputInspection(result);
    }

    /** The inspected file; throws the file-level problem (an {@link InputFileException}) if there is one. */
    InputFile result() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

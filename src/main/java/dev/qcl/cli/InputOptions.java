package dev.qcl.cli;

import dev.qcl.batch.OnExisting;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code run} and {@code validate}. */
final class InputOptions {
    @Option(names = "--input", required = true, paramLabel = "FILE", description = "The CSV, one data connection per row.")
    Path input;

    @Option(names = "--on-existing", paramLabel = "skip|update|fail", defaultValue = "skip",
            description = "A row whose qName exists in its space: skip it (default), update what differs, or fail it.")
    String onExisting;

    @Option(names = "--dry-run", description = "Validate and plan; send no writes (same as qcl validate).")
    boolean dryRun;

    @Option(names = "--run-label", paramLabel = "LABEL",
            description = "Names the run: the same label on the same file content is the same run (nightly runs).")
    String label;

    OnExisting mode(picocli.CommandLine commandLine) {
        try {
            return OnExisting.parse(onExisting);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine,
                    "--on-existing must be skip, update or fail, not '" + onExisting + "'");
        }
    }
}

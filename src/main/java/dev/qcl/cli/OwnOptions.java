package dev.qcl.cli;

import dev.qcl.run.Ownership;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --own}, {@code --prune} and {@code --max-deletes} of {@code run}, {@code validate} and {@code diff}. */
final class OwnOptions {
    @Option(
            names = "--own",
            paramLabel = "SET",
            description = "Tag every connection the run creates or updates qcl:SET; with --on-existing update, adopt"
                    + " existing ones (letters, digits, '.', '_', '-'; at most 40).")
    String set;

    @Option(
            names = "--prune",
            description = "With --own: after the rows, delete the connections tagged qcl:SET that no row names.")
    boolean prune;

    @Option(
            names = "--max-deletes",
            paramLabel = "N",
            defaultValue = "" + Ownership.DEFAULT_MAX_DELETES,
            description = "More planned deletions than N stop the command before anything is sent (default 20).")
    int maxDeletes;

    /** The options as one value; a bad set name, or --prune without --own, is a usage error (exit 2). */
    Ownership ownership(CommandLine commandLine) {
        try {
            return new Ownership(set, prune, maxDeletes);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }
}

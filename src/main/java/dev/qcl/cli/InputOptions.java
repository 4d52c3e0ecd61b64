package dev.qcl.cli;

import dev.qcl.connector.SpaceMap;
import dev.qcl.run.OnExisting;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The options of {@code run} and {@code validate}. */
final class InputOptions {
    @Option(
            names = "--input",
            required = true,
            paramLabel = "FILE",
            description = "The CSV or Excel workbook (.xlsx, .xlsm), one data connection per row.")
    Path input;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "The sheet of a workbook to read (default: the first sheet).")
    String sheet;

    @Option(
            names = "--on-existing",
            paramLabel = "skip|update|fail",
            defaultValue = "skip",
            description = "A row whose qName exists in its space: skip it (default), update what differs, or fail it.")
    String onExisting;

    @Option(names = "--dry-run", description = "Validate and plan; send no writes (same as qcl validate).")
    boolean dryRun;

    @Option(
            names = "--run-label",
            paramLabel = "LABEL",
            description = "Names the run: the same label on the same file content is the same run (nightly runs).")
    String label;

    @Option(
            names = "--map-space",
            paramLabel = "FROM=TO",
            description =
                    "Replace a space name or ID in the sheet's space/spaceName cells before validation (repeatable),"
                            + " e.g. for a sheet exported from another tenant.")
    List<String> mapSpace = new ArrayList<>();

    SpaceMap spaceMap(picocli.CommandLine commandLine) {
        return spaceMap(mapSpace, commandLine);
    }

    /** The {@code --map-space} options of a command, or a usage error naming the malformed one. */
    static SpaceMap spaceMap(List<String> mapSpace, picocli.CommandLine commandLine) {
        try {
            return SpaceMap.parse(mapSpace);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(commandLine, e.getMessage());
        }
    }

    OnExisting mode(picocli.CommandLine commandLine) {
        try {
            return OnExisting.parse(onExisting);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(
                    commandLine, "--on-existing must be skip, update or fail, not '" + onExisting + "'");
        }
    }
}

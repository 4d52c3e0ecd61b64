package dev.qcl.cli;

import picocli.CommandLine.Command;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Create the sheet's connections in the tenant and report.",
            "Validates every row, creates the valid ones in the tenant, records a result per row and writes the report."
        })
final class RunCommand extends LoadCommand {
    @Override
    boolean dryRun() {
        return options.dryRun;
    }
}

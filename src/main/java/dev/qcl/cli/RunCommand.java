package dev.qcl.cli;

import picocli.CommandLine.Command;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = "Validate every row, create the valid ones in the tenant, record a result per row and write the report.")
final class RunCommand extends LoadCommand {
    @Override
    boolean dryRun() {
        return options.dryRun;
    }
}

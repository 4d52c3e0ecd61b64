package dev.qcl.cli;

import picocli.CommandLine.Command;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Validate every row against the tenant (data sources, specs, spaces, existing names) and write the",
            "report with the planned action per row (CREATE, UPDATE, SKIP, FAIL, INVALID); sends no writes."
        })
final class ValidateCommand extends LoadCommand {
    @Override
    boolean dryRun() {
        return true;
    }
}

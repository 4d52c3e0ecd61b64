package dev.qcl.cli;

import picocli.CommandLine.Command;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check every row against the tenant and plan; no writes.",
            "Validates every row against the tenant (data sources, specs, spaces, existing names) and writes the",
            "report with the planned action per row (CREATE, UPDATE, SKIP, FAIL, INVALID); sends no writes."
        })
final class ValidateCommand extends LoadCommand {
    @Override
    boolean dryRun() {
        return true;
    }
}

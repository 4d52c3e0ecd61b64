package dev.qcl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Check every row against the tenant and plan; no writes.",
            "Validates every row against the tenant (data sources, specs, spaces, existing names) and writes the",
            "report with the planned action per row (CREATE, UPDATE, SKIP, FAIL, INVALID); sends no writes."
        })
final class ValidateCommand extends LoadCommand {
    @Option(
            names = "--save-plan",
            paramLabel = "FILE",
            description = "Write the plan as JSON to FILE, for review and for run --plan FILE to apply exactly.")
    Path savePlan;

    @Override
    boolean dryRun() {
        return true;
    }

    @Override
    Path savePlan() {
        return savePlan;
    }
}

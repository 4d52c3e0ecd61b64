package dev.qcl.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Create the sheet's connections in the tenant and report.",
            "Validates every row, creates the valid ones in the tenant, records a result per row and writes the report."
        })
final class RunCommand extends LoadCommand {
    @Option(
            names = "--plan",
            paramLabel = "FILE",
            description = "Apply exactly the plan saved in FILE (validate or diff --save-plan): refused when the"
                    + " input, the options or the tenant differ or the plan is older than qcl.plan.max-age; a row"
                    + " whose connection changed since the plan is FAILED and not written.")
    Path plan;

    @Override
    boolean dryRun() {
        return options.dryRun;
    }

    @Override
    Path applyPlan() {
        return plan;
    }
}

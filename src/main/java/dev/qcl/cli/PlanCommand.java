package dev.qcl.cli;

import dev.qcl.cli.output.PlanPrinter;
import dev.qcl.run.plan.PlanFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code plan show FILE}: a saved plan, readable by the people who approve it. */
@Command(
        name = "plan",
        mixinStandardHelpOptions = true,
        description = "Show a plan saved by validate or diff --save-plan.",
        subcommands = {PlanCommand.ShowPlan.class})
final class PlanCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a subcommand: plan show FILE");
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = {
                "Print a saved plan as diff prints its plan.",
                "What the plan was made from (input, options, tenant, time), one line per row to create, update,",
                "fail or leave invalid and per connection to delete, the counts, and how to apply it. Reads only",
                "the file: neither the tenant nor the home folder."
            })
    static final class ShowPlan implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        /** Taken, as by every command, though the file alone is read. */
        @Mixin
        CommonOptions common;

        @Parameters(
                index = "0",
                paramLabel = "FILE",
                description = "The plan, as validate or diff --save-plan wrote it.")
        Path file;

        @Override
        public Integer call() {
            new PlanPrinter(Commands.out(spec)).print(PlanFiles.read(file));
            return ExitCode.OK;
        }
    }
}

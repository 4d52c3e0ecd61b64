package dev.qcl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top-level {@code qcl} command: only a list of subcommands. */
@Command(
        name = "qcl",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Creates Qlik Cloud analytics data connections from a spreadsheet (CSV).",
        subcommands = {
            RunCommand.class,
            ValidateCommand.class,
            DiffCommand.class,
            PlanCommand.class,
            RestartCommand.class,
            RerunFailedCommand.class,
            StatusCommand.class,
            ReportCommand.class,
            SpecsCommand.class,
            ExportCommand.class,
            DemoCommand.class,
            SandboxCommand.class
        },
        footer = {
            "",
            "Any setting of config/application.yml can be given as --key=value (e.g. --qcl.write.max-attempts=3).",
            "Exit codes: 0 all rows fine, 1 some rows INVALID or FAILED, 2 usage or configuration error,",
            "3 the run FAILED or was STOPPED (restartable), 4 (diff only) the sheet and the tenant differ."
        })
final class QclCommand implements Runnable {
    /** Spring-style {@code --key=value} settings given on the command line, passed to the context. */
    final List<String> springArgs = new ArrayList<>();

    /** Where the command's context keeps its state, once it has read its settings; for failure messages. */
    JobStorage storage;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command, e.g. qcl run --input connections.csv");
    }
}

package dev.qcl.cli;

import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFileException;
import dev.qcl.csv.InputFiles;
import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.launch.LoadJobLauncher.NothingToDo;
import dev.qcl.launch.RunHistory;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowStatus;
import dev.qcl.run.PlanRef;
import dev.qcl.run.RunParameters;
import dev.qcl.settings.ConfigurationProblem;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "rerun-failed",
        mixinStandardHelpOptions = true,
        description = {
            "Run again only the FAILED and INVALID rows of a run.",
            "A new run over only the rows whose final status in a run was FAILED or INVALID, read again from",
            "that run's input, or from --input (a corrected copy, matched by qName, and space where needed)."
        })
final class RerunFailedCommand extends JobCommand implements Callable<Integer> {
    @Option(
            names = "--run",
            paramLabel = "ID",
            description = "The run whose failed rows to take again (default: the latest run).")
    Long runId;

    @Option(names = "--input", paramLabel = "FILE", description = "A corrected copy of the input (CSV or workbook).")
    Path input;

    @Option(
            names = "--sheet",
            paramLabel = "NAME",
            description = "The sheet of the --input workbook to read (default: the first sheet).")
    String sheet;

    @Override
    public Integer call() {
        if (sheet != null && input == null) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--sheet names a sheet of the --input workbook; give --input too");
        }
        InputFile corrected = input == null ? null : InputFiles.inspect(input, sheet);
        return launch(Map.of(), (context, progress) -> {
            RunHistory history = context.bean(RunHistory.class);
            RunInfo original = history.chosen(runId);
            long failed = original.count(RowStatus.FAILED) + original.count(RowStatus.INVALID);
            if (failed == 0) {
                throw new NothingToDo("run " + original.runId() + " has no FAILED or INVALID rows; nothing to rerun");
            }
            PlanRef plan = history.plan(original.runId());
            if (plan != null && corrected != null) {
                throw new ConfigurationProblem("run " + original.runId() + " applied the plan " + plan.file()
                        + ", which holds only its own input; rerun its failed rows without --input, or make a new"
                        + " plan of the corrected file");
            }
            InputFile file = corrected != null ? corrected : originalInput(original);
            RunParameters run = RunParameters.of(
                            file.path(), file.sha256(), null, original.onExisting(), false, original.runId())
                    .withSpaceMap(history.spaceMap(original.runId()))
                    .withOwnership(history.ownedSetWithoutPrune(original.runId()))
                    .withTenants(TenantOptions.asNow(history.tenants(original.runId())))
                    .withSheet(file.sheet());
            if (!run.overTenants()) {
                TenantOptions.requireNoTenantColumn(file.header(), file.path());
            } else if (file.header().indexOf(dev.qcl.csv.CsvHeader.TENANT) < 0) {
                throw new ConfigurationProblem(file.path() + " has no 'tenant' column; run " + original.runId()
                        + " was over the tenants of " + run.tenants().file());
            }
            if (plan != null) {
                // the failed rows are taken again as the plan has them, while the plan is young enough
                SavedPlans.checkAge(context, plan);
                run = run.withPlan(plan);
            }
            TenantOptions.checkBeforeSending(context, run.withOwnership(dev.qcl.run.Ownership.NONE), false);
            return context.bean(LoadJobLauncher.class).run(run, failed, progress);
        });
    }

    private static InputFile originalInput(RunInfo original) {
        Path path = Path.of(original.input());
        InputFile file;
        try {
            file = InputFiles.inspect(path, original.sheet());
        } catch (InputFileException e) {
            throw new ConfigurationProblem("the input of run " + original.runId() + " cannot be read (" + e.getMessage()
                    + "); pass --input FILE");
        }
        if (!file.sha256().equals(original.inputSha256())) {
            throw new ConfigurationProblem("the input " + path + " changed since run " + original.runId()
                    + "; pass --input " + path + " to rerun its failed rows by qName");
        }
        return file;
    }
}

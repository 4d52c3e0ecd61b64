package dev.qcl.cli;

import dev.qcl.csv.InputFile;
import dev.qcl.launch.LaunchResult;
import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.run.plan.PlanRecorder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code diff}: the plan of {@code run --on-existing update} (plus {@code --prune}) without writing, as a
 * dry run of the job: what would be created, updated (and which properties) and deleted.
 */
@Command(
        name = "diff",
        mixinStandardHelpOptions = true,
        description = {
            "Show what a run in update mode would change; no writes.",
            "What 'run --on-existing update' (with --own and --prune: plus prune) would change, without writing:",
            "rows to create, rows to update with the properties that differ, connections to delete.",
            "Exit 0 when nothing would change, 4 when something would, 1 when rows are INVALID."
        })
final class DiffCommand extends JobCommand implements Callable<Integer> {
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

    @Mixin
    OwnOptions own;

    @Option(
            names = "--map-space",
            paramLabel = "FROM=TO",
            description =
                    "Replace a space name or ID in the sheet's space/spaceName cells before validation (repeatable).")
    java.util.List<String> mapSpace = new java.util.ArrayList<>();

    @picocli.CommandLine.Mixin
    TenantOptions tenants;

    @Option(
            names = "--save-plan",
            paramLabel = "FILE",
            description = "Write the plan as JSON to FILE, for review and for run --plan FILE to apply exactly.")
    Path savePlan;

    @Override
    public Integer call() {
        Ownership ownership = own.ownership(spec.commandLine());
        dev.qcl.connector.SpaceMap spaceMap = InputOptions.spaceMap(mapSpace, spec.commandLine());
        InputInspection inspection = InputInspection.start(input, sheet);
        return launch(Map.of(), (context, progress) -> {
            InputFile file = inspection.result();
            RunParameters run = RunParameters.of(file.path(), file.sha256(), null, OnExisting.UPDATE, true, null)
                    .withOwnership(ownership)
                    .withSpaceMap(spaceMap)
                    .withTenants(tenants.resolve(file))
                    .withSheet(file.sheet());
            TenantOptions.checkBeforeSending(context, run, true);
            if (savePlan != null) {
                context.bean(PlanRecorder.class).start();
            }
            return context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
        });
    }

    @Override
    int finish(RunOutput output, LaunchResult result) {
        return output.finishDiff(result, reportDir(), savePlan);
    }

    /** A diff sends no write: it works while a run goes on the same home folder (contract section 7). */
    @Override
    boolean readsOnly() {
        return true;
    }
}

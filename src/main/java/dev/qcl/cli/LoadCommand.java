package dev.qcl.cli;

import dev.qcl.connector.InvalidApiSpecException;
import dev.qcl.connector.SpaceMap;
import dev.qcl.connector.SpecCache;
import dev.qcl.connector.UnknownColumns;
import dev.qcl.csv.InputFile;
import dev.qcl.launch.LaunchResult;
import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import dev.qcl.run.plan.PlanFiles;
import dev.qcl.run.plan.PlanRecorder;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/** {@code run} and {@code validate}: read the whole sheet, validate it, and (unless a dry run) write. */
abstract class LoadCommand extends JobCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);
    /** Milliseconds H2 may hold a commit before writing it to its file (the default URL's WRITE_DELAY). */
    static final String DRY_RUN_WRITE_DELAY = "qcl.h2.write-delay";

    @Mixin
    InputOptions options;

    @Mixin
    OwnOptions own;

    @Mixin
    TenantOptions tenants;

    abstract boolean dryRun();

    /** Where {@code validate --save-plan} writes the plan, or null. */
    Path savePlan() {
        return null;
    }

    /** The plan {@code run --plan} applies, or null. */
    Path applyPlan() {
        return null;
    }

    /**
     * A header typo is said once, before the rows. If the tenant cannot answer, or answers a spec that
     * cannot be read, the run itself meets the same failure and records it, so it is not reported here.
     */
    private static void warnAboutUnknownColumns(InputFile file, QclContext context) {
        try {
            UnknownColumns.warnings(file.header(), file.dataSourceIds(), context.bean(SpecCache.class))
                    .forEach(warning -> log.warn("{}", warning));
        } catch (RunStoppingException | RejectedException | InvalidApiSpecException e) {
            log.debug("Header check skipped: {}", e.getMessage());
        }
    }

    @Override
    public Integer call() {
        OnExisting mode = options.mode(spec.commandLine());
        Ownership ownership = own.ownership(spec.commandLine());
        SpaceMap spaceMap = options.spaceMap(spec.commandLine());
        if (applyPlan() != null && dryRun()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--plan applies a plan and cannot be a dry run; see it with qcl plan show FILE");
        }
        if (savePlan() != null && options.label != null) {
            throw new ParameterException(
                    spec.commandLine(), "--save-plan makes a plan of one fresh dry run; leave out --run-label");
        }
        // a plan that cannot be read ends the command before the context starts
        PlanFiles.Loaded plan = applyPlan() == null ? null : PlanFiles.read(applyPlan());
        // the pass over the whole file runs while the context starts (both take seconds on a large
        // sheet); its file-level problems still end the command before anything is sent
        InputInspection inspection = InputInspection.start(options.input, options.sheet);
        // a dry run sends nothing: H2 may gather its commits (config/application.yml)
        Map<String, Object> dryRunDatabase = dryRun() ? Map.of(DRY_RUN_WRITE_DELAY, 500) : Map.of();
        return launch(dryRunDatabase, (context, progress) -> {
            InputFile file = inspection.result();
            RunParameters run = RunParameters.of(file.path(), file.sha256(), options.label, mode, dryRun(), null)
                    .withOwnership(ownership)
                    .withSpaceMap(spaceMap)
                    .withTenants(tenants.resolve(file))
                    .withSheet(file.sheet());
            if (plan != null) {
                // before the tenant is asked anything: a plan that does not fit sends nothing
                run = SavedPlans.applying(context, plan, file.sha256(), run);
            }
            // reads only: a prune over the cap stops the command before anything is sent (a plan's
            // deletions were counted when it was made, and again against this run's --max-deletes)
            TenantOptions.checkBeforeSending(context, run, plan == null);
            if (!run.overTenants()) {
                warnAboutUnknownColumns(file, context);
            }
            if (savePlan() != null) {
                context.bean(PlanRecorder.class).start();
            }
            return context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
        });
    }

    @Override
    int finish(RunOutput output, LaunchResult result) {
        return output.finish(result, reportDir(), savePlan());
    }
}

package dev.qcl.cli;

import dev.qcl.launch.RunHistory;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.run.PlanRef;
import dev.qcl.run.RunParameters;
import dev.qcl.run.plan.PlanCheck;
import dev.qcl.run.plan.PlanFiles;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.run.plan.SavedPlan;
import dev.qcl.settings.PlanProperties;
import dev.qcl.settings.TenantProperties;
import dev.qcl.settings.TenantUrl;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The commands' side of saved plans (contract section 13): saving the plan of a dry run
 * ({@code validate --save-plan}, {@code diff --save-plan}), and checking a plan before a run applies it.
 */
final class SavedPlans {
    private SavedPlans() {}

    /** The tenant as a plan records it: the URL as qcl uses it, so that two spellings of one tenant agree. */
    static String tenant(QclContext context) {
        return TenantUrl.parse(context.bean(TenantProperties.class).url()).toString();
    }

    static PlanCheck check(QclContext context) {
        return new PlanCheck(context.bean(PlanProperties.class).maxAge(), Clock.systemUTC());
    }

    /**
     * The run, applying the plan, once the plan is found to fit it: the same input bytes, options and
     * tenant, young enough; refused (exit 2) before anything is sent otherwise.
     */
    static RunParameters applying(QclContext context, PlanFiles.Loaded plan, String inputSha256, RunParameters run) {
        check(context)
                .check(
                        plan,
                        inputSha256,
                        SavedPlan.Options.of(run),
                        tenant(context),
                        run.ownership().maxDeletes());
        return run.withPlan(plan.ref());
    }

    /** A rerun of a planned run's failed rows is a new run of the plan: refused once the plan is too old. */
    static void checkAge(QclContext context, PlanRef plan) {
        check(context).checkAge(plan.file(), plan.createdAt());
    }

    /**
     * Writes the plan of a dry run that completed in one execution; says why not otherwise.
     *
     * @return whether the plan was saved
     */
    static boolean save(QclContext context, Path file, String command, RunInfo run, PrintWriter out, PrintWriter err) {
        if (!run.completed()) {
            err.println("qcl: no plan was saved: run " + run.runId() + " " + run.status()
                    + "; a plan needs a dry run that went through. Make it again");
            return false;
        }
        if (run.executions() > 1) {
            err.println("qcl: no plan was saved: run " + run.runId() + " took " + run.executions()
                    + " executions, and only what the last one decided on is known. Make the plan again");
            return false;
        }
        RunParameters parameters =
                context.bean(RunHistory.class).parameters(run.runId()).orElseThrow();
        ResultRepository results = context.bean(ResultRepository.class);
        try {
            SavedPlan plan = context.bean(PlanRecorder.class)
                    .plan(
                            Clock.systemUTC().instant().truncatedTo(ChronoUnit.MILLIS),
                            command,
                            run.runId(),
                            tenant(context),
                            parameters,
                            each -> results.forEach(run.runId(), each));
            String sha256 = PlanFiles.write(file, plan);
            Path saved = file.toAbsolutePath().normalize();
            out.println("Plan saved to " + saved + " (SHA-256 " + sha256 + "): "
                    + plan.rows().size() + " rows, " + plan.deletions().size()
                    + " deletions. Review it with: qcl plan show " + saved);
            out.println("Apply it with: qcl run --plan " + saved + " --input "
                    + plan.input().file() + " " + plan.options().describe());
            return true;
        } catch (IllegalStateException e) {
            err.println("qcl: no plan was saved: " + e.getMessage() + ". Make the plan again");
        } catch (IOException | RuntimeException e) {
            err.println("qcl: the plan could not be written to " + file + ": " + QclCommandLine.oneLine(e));
        }
        return false;
    }
}

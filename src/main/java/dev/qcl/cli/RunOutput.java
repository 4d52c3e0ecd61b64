package dev.qcl.cli;

import dev.qcl.cli.output.DiffPrinter;
import dev.qcl.cli.output.Durations;
import dev.qcl.cli.output.TenantLines;
import dev.qcl.launch.LaunchResult;
import dev.qcl.launch.RunHistory;
import dev.qcl.launch.RunInfo;
import dev.qcl.report.ReportWriter;
import dev.qcl.report.ResultsSpool;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.settings.QclProperties;
import dev.qcl.settings.WriteProperties;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Ends every command that ran the job: writes the report, prints the plan or summary, picks the exit code. */
final class RunOutput {
    private final QclContext context;
    private final PrintWriter out;
    private final PrintWriter err;
    private final ResultsSpool spool;

    RunOutput(QclContext context, PrintWriter out, PrintWriter err, ResultsSpool spool) {
        this.context = context;
        this.out = out;
        this.err = err;
        this.spool = spool;
    }

    int finish(LaunchResult result, Path reportDirOption) {
        return finish(result, reportDirOption, null);
    }

    /**
     * @param savePlan where {@code validate --save-plan} writes the plan, or null; a plan that could not be
     *     saved makes the exit code 2 (unless the run itself failed)
     */
    int finish(LaunchResult result, Path reportDirOption, Path savePlan) {
        RunInfo run = context.bean(RunHistory.class).find(result.runId()).orElseThrow();
        Path dir = reportDir(run.runId(), reportDirOption);
        boolean reportWritten = writeReport(run, dir);
        if (result.failure() != null) {
            err.println("qcl: run " + run.runId() + " " + run.status() + ": " + result.failure()
                    + "; fix the cause, then: qcl restart --run " + run.runId());
        }
        if (result.continued()) {
            out.println("Run " + run.runId() + " (" + run.label() + ") had not completed and its input is unchanged;"
                    + " it was continued.");
        }
        if (run.dryRun() && run.completed()) {
            // a plan of a run that stopped early would show rows it never looked at as nothing to do
            printPlan(run);
        }
        boolean planSaved = savePlan == null || SavedPlans.save(context, savePlan, "validate", run, out, err);
        err.flush();
        if (run.overTenants()) {
            out.println("Tenants:");
            TenantLines.of(run).forEach(out::println);
        }
        out.println(summaryLine(run, dir));
        out.flush();
        int code = exitCode(run);
        // a run that completed but left no report (or no plan) is not what a scheduler should take as done
        return (reportWritten && planSaved) || code == ExitCode.RUN_FAILED ? code : ExitCode.USAGE;
    }

    /** The results are stored whatever happens here; a report that cannot be written can be written again. */
    private boolean writeReport(RunInfo run, Path dir) {
        try {
            new ReportWriter(context.bean(ResultRepository.class), spool).write(run, dir);
            return true;
        } catch (RuntimeException e) {
            err.println("qcl: the report of run " + run.runId() + " could not be written to " + dir + ": "
                    + QclCommandLine.oneLine(e) + "; write it again with: qcl report --run " + run.runId()
                    + " --out DIR");
            return false;
        }
    }

    /** {@code diff}: the report, then what would change, row by row, and exit 0 (nothing), 4 (changes) or 1. */
    int finishDiff(LaunchResult result, Path reportDirOption, Path savePlan) {
        RunInfo run = writeReport(result, reportDirOption);
        Path dir = reportDir(run.runId(), reportDirOption);
        if (result.failure() != null) {
            err.println("qcl: diff run " + run.runId() + " " + run.status() + ": " + result.failure());
            err.flush();
        }
        new DiffPrinter(out).print(run, context.bean(ResultRepository.class));
        boolean planSaved = savePlan == null || SavedPlans.save(context, savePlan, "diff", run, out, err);
        err.flush();
        out.println(summaryLine(run, dir));
        out.flush();
        int code = exitCode(run);
        if (!planSaved && code != ExitCode.RUN_FAILED) {
            return ExitCode.USAGE;
        }
        if (code != ExitCode.OK) {
            return code;
        }
        long changes = run.count(RowStatus.CREATE) + run.count(RowStatus.UPDATE) + run.count(RowStatus.DELETE);
        return changes > 0 ? ExitCode.DIFFERENT : ExitCode.OK;
    }

    /** Writes the run's report folder and returns the run as recorded. */
    RunInfo writeReport(LaunchResult result, Path reportDirOption) {
        RunInfo run = context.bean(RunHistory.class).find(result.runId()).orElseThrow();
        new ReportWriter(context.bean(ResultRepository.class), spool)
                .write(run, reportDir(run.runId(), reportDirOption));
        return run;
    }

    Path reportDir(long runId, Path option) {
        if (option != null) {
            return option.toAbsolutePath().normalize();
        }
        return context.bean(QclProperties.class).reportsDir().resolve("run-" + runId);
    }

    private void printPlan(RunInfo run) {
        long writes = run.count(RowStatus.CREATE) + run.count(RowStatus.UPDATE) + run.count(RowStatus.DELETE);
        WriteProperties write = context.bean(WriteProperties.class);
        int perMinute = write.rateLimit();
        out.println("Plan: " + run.count(RowStatus.CREATE) + " to create, " + run.count(RowStatus.UPDATE)
                + " to update, " + run.count(RowStatus.SKIP) + " to skip, " + run.count(RowStatus.FAIL)
                + " would fail (exist), " + run.count(RowStatus.INVALID) + " invalid"
                + (run.count(RowStatus.DELETE) > 0 ? ", " + run.count(RowStatus.DELETE) + " to delete (--prune)" : "")
                + ".");
        out.println("Estimate: " + writes + " writes: " + Durations.estimate(writes, perMinute, write.window()) + " at "
                + perMinute + " writes/min averaged over "
                + Durations.format(write.window().toMillis()) + ".");
        List<Map.Entry<String, Long>> top = context.bean(ResultRepository.class).topMessages(run.runId(), 5);
        if (!top.isEmpty()) {
            out.println("Top problems:");
            top.forEach(e -> out.println("  " + e.getValue() + " x " + e.getKey()));
        }
    }

    static String summaryLine(RunInfo run, Path dir) {
        List<RowStatus> statuses = run.dryRun()
                ? List.of(RowStatus.CREATE, RowStatus.UPDATE, RowStatus.SKIP, RowStatus.FAIL, RowStatus.INVALID)
                : List.of(RowStatus.CREATED, RowStatus.UPDATED, RowStatus.SKIPPED, RowStatus.INVALID, RowStatus.FAILED);
        String counts =
                statuses.stream().map(s -> run.count(s) + " " + s.name()).collect(Collectors.joining(", "));
        if (run.deletions() > 0) {
            RowStatus deleted = run.dryRun() ? RowStatus.DELETE : RowStatus.DELETED;
            counts += ", " + run.count(deleted) + " " + deleted.name();
        }
        return "Run " + run.runId() + (run.dryRun() ? " (validate)" : "")
                + (run.rerunOf() == null ? "" : " (rerun of run " + run.rerunOf() + ")") + " " + run.status()
                + ": " + counts + " (" + run.rows() + " rows) in " + Durations.format(run.durationMs())
                + "; report: " + dir;
    }

    static int exitCode(RunInfo run) {
        if (!run.completed()) {
            return ExitCode.RUN_FAILED;
        }
        boolean problems =
                run.counts().entrySet().stream().anyMatch(e -> e.getKey().isProblem() && e.getValue() > 0);
        return problems ? ExitCode.ROWS_FAILED : ExitCode.OK;
    }
}

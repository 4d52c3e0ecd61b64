package dev.qcl.cli;

import dev.qcl.cli.output.Durations;
import dev.qcl.cli.output.TenantLines;
import dev.qcl.home.HomeFolderLock;
import dev.qcl.launch.RunHistory;
import dev.qcl.launch.RunInfo;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.settings.ConfigurationProblem;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = {
            "Show recent runs, or one run's counts and top errors.",
            "Without --run: a table of recent runs. With --run ID: that run's counts, timings and top errors."
        })
final class StatusCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "One run in detail.")
    Long runId;

    @Option(
            names = "--limit",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many recent runs (default 20).")
    int limit;

    @Override
    public Integer call() {
        try (HomeFolderLock home = Commands.reading(common);
                QclContext context = QclContext.start(Commands.besideJob(common.properties(), home), spec)) {
            RunHistory history = context.bean(RunHistory.class);
            PrintWriter out = Commands.out(spec);
            if (runId == null) {
                printTable(history.recent(limit), out);
            } else {
                RunInfo run = history.find(runId)
                        .orElseThrow(() -> new ConfigurationProblem("there is no run " + runId + "; see qcl status"));
                printRun(run, context.bean(ResultRepository.class).topMessages(run.runId(), 10), out);
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private static void printTable(List<RunInfo> runs, PrintWriter out) {
        if (runs.isEmpty()) {
            out.println("No runs yet. Start one with: qcl run --input connections.csv");
            return;
        }
        String format = "%-6s %-9s %-16s %-19s %-10s %6s %7s %7s %7s %7s %7s %7s  %s%n";
        out.printf(
                format,
                "RUN",
                "STATUS",
                "LABEL",
                "STARTED",
                "DURATION",
                "ROWS",
                "CREATED",
                "UPDATED",
                "SKIPPED",
                "INVALID",
                "FAILED",
                "DELETED",
                "INPUT");
        for (RunInfo run : runs) {
            out.printf(
                    format,
                    run.runId() + (run.dryRun() ? "v" : ""),
                    run.status(),
                    truncate(run.label() == null ? "" : run.label(), 16),
                    run.startedAt() == null ? "" : TIME.format(run.startedAt()),
                    Durations.format(run.durationMs()),
                    run.rows(),
                    run.count(RowStatus.CREATED) + run.count(RowStatus.CREATE),
                    run.count(RowStatus.UPDATED) + run.count(RowStatus.UPDATE),
                    run.count(RowStatus.SKIPPED) + run.count(RowStatus.SKIP),
                    run.count(RowStatus.INVALID),
                    run.count(RowStatus.FAILED) + run.count(RowStatus.FAIL),
                    run.deletions(),
                    run.input());
        }
        out.println("(v: a validate run; its counts are planned actions)");
    }

    private static void printRun(RunInfo run, List<Map.Entry<String, Long>> top, PrintWriter out) {
        out.println("Run " + run.runId() + (run.label() == null ? "" : " (" + run.label() + ")") + ": " + run.status()
                + (run.dryRun() ? " (validate)" : "")
                + (run.rerunOf() == null ? "" : ", rerun of run " + run.rerunOf()));
        out.println("Input:      " + run.input());
        out.println("Mode:       --on-existing " + run.onExisting().option());
        out.println("Started:    " + (run.startedAt() == null ? "" : TIME.format(run.startedAt())));
        out.println("Ended:      " + (run.endedAt() == null ? "" : TIME.format(run.endedAt())));
        out.println(
                "Duration:   " + Durations.format(run.durationMs()) + " over " + run.executions() + " execution(s)");
        out.println("HTTP:       " + run.http().requests() + " requests, "
                + run.http().retries() + " retries, " + run.http().throttled() + " throttled");
        out.println("Rows:       " + run.rows()
                + (run.deletions() > 0
                        ? " (and " + run.deletions() + " connection(s) " + (run.dryRun() ? "to delete" : "deleted")
                                + " by --prune)"
                        : ""));
        run.counts().entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.printf("  %-8s %d%n", e.getKey(), e.getValue()));
        if (run.overTenants()) {
            out.println("Tenants:");
            TenantLines.of(run).forEach(out::println);
        }
        if (!top.isEmpty()) {
            out.println("Top errors:");
            top.forEach(e -> out.println("  " + e.getValue() + " x " + e.getKey()));
        }
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

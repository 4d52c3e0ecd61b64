package dev.qcl.cli;

import dev.qcl.home.HomeFolderLock;
import dev.qcl.launch.RunHistory;
import dev.qcl.launch.RunInfo;
import dev.qcl.report.ReportWriter;
import dev.qcl.results.ResultRepository;
import dev.qcl.settings.QclProperties;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "(Re)write the report files of a run (default: the latest).")
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--run", paramLabel = "ID", description = "The run.")
    Long runId;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: <home>/reports/run-<ID>).")
    Path out;

    @Override
    public Integer call() {
        try (HomeFolderLock home = Commands.reading(common);
                QclContext context = QclContext.start(Commands.besideJob(common.properties(), home), spec)) {
            RunHistory history = context.bean(RunHistory.class);
            RunInfo run = history.chosen(runId);
            Path dir = out != null
                    ? out.toAbsolutePath().normalize()
                    : context.bean(QclProperties.class).reportsDir().resolve("run-" + run.runId());
            new ReportWriter(context.bean(ResultRepository.class)).write(run, dir);
            Commands.out(spec).println(RunOutput.summaryLine(run, dir));
            Commands.out(spec).flush();
            return ExitCode.OK;
        }
    }
}

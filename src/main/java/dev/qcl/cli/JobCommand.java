package dev.qcl.cli;

import dev.qcl.cli.output.EraseProgressConverter;
import dev.qcl.cli.output.ProgressPrinter;
import dev.qcl.cli.output.Terminal;
import dev.qcl.home.HomeFolderLock;
import dev.qcl.home.SharedDatabase;
import dev.qcl.launch.LaunchResult;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.QlikClient;
import dev.qcl.report.ResultsSpool;
import dev.qcl.results.ResultRepository;
import dev.qcl.run.RunProgress;
import dev.qcl.settings.QclProperties;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the commands that run the job share: options, the context, progress, the report and the exit code. */
abstract class JobCommand {
    /** How long a job waits for read-only commands (status, report) that have the home folder open. */
    private static final Duration READERS_WAIT = Duration.ofSeconds(30);

    @Mixin
    CommonOptions common;

    @Mixin
    JobOptions job;

    @Spec
    CommandSpec spec;

    /** Starts the context, runs {@code launch} with live progress, writes the report, returns the exit code. */
    int launch(Map<String, Object> extraProperties, BiFunction<QclContext, RunProgress, LaunchResult> launch) {
        Map<String, Object> properties = common.properties();
        job.addTo(properties);
        properties.putAll(extraProperties);
        if (Terminal.standardError()) {
            // a log line first erases the progress bar that is drawn on the same terminal line
            System.setProperty(EraseProgressConverter.ENABLED, "true");
        }
        String command = spec.name();
        try (HomeFolderLock home = readsOnly()
                        ? Commands.reading(common)
                        : HomeFolderLock.forJob(common.resolvedHome(), command, READERS_WAIT, Clock.systemUTC());
                QclContext context =
                        QclContext.start(readsOnly() ? Commands.besideJob(properties, home) : properties, spec);
                SharedDatabase shared = readsOnly()
                        ? null
                        : SharedDatabase.open(context.property("spring.datasource.url"))
                                .orElse(null);
                StopOnSignal stop = StopOnSignal.install(context)) {
            if (!readsOnly()) {
                home.ready(command, Optional.ofNullable(shared).map(SharedDatabase::url));
            }
            Path reports = job.reportDir != null
                    ? job.reportDir
                    : context.bean(QclProperties.class).reportsDir();
            ReportFolders.checkWritable(reports);
            RunProgress progress = new RunProgress();
            LaunchResult result;
            try (ResultsSpool spool = ResultsSpool.attach(reports, context.bean(ResultRepository.class))) {
                try (ProgressPrinter printer = ProgressPrinter.start(
                        progress,
                        context.bean(HttpStats.class),
                        () -> context.beanIfCreated(QlikClient.class)
                                .map(QlikClient::writeBudget)
                                .orElse(null),
                        context.property(ProgressPrinter.LOG_INTERVAL),
                        Commands.err(spec))) {
                    result = launch.apply(context, progress);
                }
                int exitCode = finish(new RunOutput(context, Commands.out(spec), Commands.err(spec), spool), result);
                stop.done(exitCode);
                return exitCode;
            }
        }
    }

    /**
     * Whether the command writes nothing to the tenant and may run beside a job on the same home folder
     * ({@code diff}); a job that writes holds the folder alone.
     */
    boolean readsOnly() {
        return false;
    }

    /** Writes the report, prints the summary and picks the exit code; {@code diff} prints its plan instead. */
    int finish(RunOutput output, LaunchResult result) {
        return output.finish(result, job.reportDir);
    }

    Path reportDir() {
        return job.reportDir;
    }
}

package dev.qcl.cli;

import dev.qcl.batch.LaunchResult;
import dev.qcl.batch.RunProgress;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What the commands that run the job share: options, the context, progress, the report and the exit code. */
abstract class JobCommand {
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
        try (QclContext context = QclContext.start(properties, Commands.springArgs(spec));
                StopOnSignal stop = StopOnSignal.install(context)) {
            RunProgress progress = new RunProgress();
            LaunchResult result;
            try (ProgressPrinter printer = ProgressPrinter.start(progress, context, Commands.err(spec))) {
                result = launch.apply(context, progress);
            }
            int exitCode = finish(new RunOutput(context, Commands.out(spec), Commands.err(spec)), result);
            stop.done(exitCode);
            return exitCode;
        }
    }

    /** Writes the report, prints the summary and picks the exit code; {@code diff} prints its plan instead. */
    int finish(RunOutput output, LaunchResult result) {
        return output.finish(result, job.reportDir);
    }

    Path reportDir() {
        return job.reportDir;
    }
}

package dev.qcl.cli;

import dev.qcl.batch.LoadJobLauncher;
import dev.qcl.batch.RunParameters;
import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFiles;
import dev.qcl.qlik.QlikClient;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** {@code run} and {@code validate}: read the whole sheet, validate it, and (unless a dry run) write. */
abstract class LoadCommand extends JobCommand implements Callable<Integer> {
    @Mixin
    InputOptions options;

    abstract boolean dryRun();

    @Override
    public Integer call() {
        // file-level problems end here, before the context starts and before anything is sent
        InputFile file = InputFiles.inspect(options.input);
        RunParameters run = RunParameters.of(
                file.path(), file.sha256(), options.label, options.mode(spec.commandLine()), dryRun(), null);
        return launch(Map.of(), (context, progress) -> {
            context.bean(QlikClient.class);
            return context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
        });
    }
}

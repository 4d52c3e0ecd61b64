package dev.qcl.cli;

import dev.qcl.batch.LoadJobLauncher;
import dev.qcl.batch.RunParameters;
import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFiles;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.RejectedException;
import dev.qcl.qlik.RunStoppingException;
import dev.qcl.spec.SpecCache;
import dev.qcl.spec.UnknownColumns;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;

/** {@code run} and {@code validate}: read the whole sheet, validate it, and (unless a dry run) write. */
abstract class LoadCommand extends JobCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);

    @Mixin
    InputOptions options;

    abstract boolean dryRun();

    /**
     * A header typo is said once, before the rows. If the tenant cannot answer, the run itself meets
     * the same failure and records it, restartable, so it is not reported here.
     */
    private static void warnAboutUnknownColumns(InputFile file, QclContext context) {
        try {
            UnknownColumns.warnings(file.header(), file.dataSourceIds(), context.bean(SpecCache.class))
                    .forEach(warning -> log.warn("{}", warning));
        } catch (RunStoppingException | RejectedException e) {
            log.debug("Header check skipped: {}", e.getMessage());
        }
    }

    @Override
    public Integer call() {
        // file-level problems end here, before the context starts and before anything is sent
        InputFile file = InputFiles.inspect(options.input);
        RunParameters run = RunParameters.of(
                file.path(), file.sha256(), options.label, options.mode(spec.commandLine()), dryRun(), null);
        return launch(Map.of(), (context, progress) -> {
            context.bean(QlikClient.class);
            warnAboutUnknownColumns(file, context);
            return context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
        });
    }
}

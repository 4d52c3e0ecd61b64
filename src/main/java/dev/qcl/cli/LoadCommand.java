package dev.qcl.cli;

import dev.qcl.connector.InvalidApiSpecException;
import dev.qcl.connector.SpaceMap;
import dev.qcl.connector.SpecCache;
import dev.qcl.connector.UnknownColumns;
import dev.qcl.csv.InputFile;
import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.prune.PrunePlanner;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import dev.qcl.run.RunParameters;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;

/** {@code run} and {@code validate}: read the whole sheet, validate it, and (unless a dry run) write. */
abstract class LoadCommand extends JobCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(LoadCommand.class);
    /** Milliseconds H2 may hold a commit before writing it to its file (the default URL's WRITE_DELAY). */
    static final String DRY_RUN_WRITE_DELAY = "qcl.h2.write-delay";

    @Mixin
    InputOptions options;

    @Mixin
    OwnOptions own;

    abstract boolean dryRun();

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
        // the pass over the whole file runs while the context starts (both take seconds on a large
        // sheet); its file-level problems still end the command before anything is sent
        InputInspection inspection = InputInspection.start(options.input, options.sheet);
        // a dry run sends nothing: H2 may gather its commits (config/application.yml)
        Map<String, Object> dryRunDatabase = dryRun() ? Map.of(DRY_RUN_WRITE_DELAY, 500) : Map.of();
        return launch(dryRunDatabase, (context, progress) -> {
            InputFile file = inspection.result();
            context.bean(QlikClient.class);
            warnAboutUnknownColumns(file, context);
            RunParameters run = RunParameters.of(file.path(), file.sha256(), options.label, mode, dryRun(), null)
                    .withOwnership(ownership)
                    .withSpaceMap(spaceMap)
                    .withSheet(file.sheet());
            // reads only: a prune over the cap stops the command before anything is sent
            context.bean(PrunePlanner.class).check(run);
            return context.bean(LoadJobLauncher.class).run(run, file.dataRows(), progress);
        });
    }
}

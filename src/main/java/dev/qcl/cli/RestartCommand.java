package dev.qcl.cli;

import dev.qcl.launch.LoadJobLauncher;
import dev.qcl.launch.LoadJobLauncher.NothingToDo;
import dev.qcl.launch.RunHistory;
import dev.qcl.qlik.QlikClient;
import dev.qcl.run.RunParameters;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "restart",
        mixinStandardHelpOptions = true,
        description = {
            "Resume a run that did not complete, from its last chunk.",
            "Resumes a run that did not complete (FAILED, STOPPED, or left running by a process that died)",
            "from its last committed chunk, in the same run. Default: the latest such run."
        })
final class RestartCommand extends JobCommand implements Callable<Integer> {
    @Option(names = "--run", paramLabel = "ID", description = "The run to resume.")
    Long runId;

    @Override
    public Integer call() {
        return launch(Map.of(), (context, progress) -> {
            LoadJobLauncher launcher = context.bean(LoadJobLauncher.class);
            long id = runId != null
                    ? runId
                    : launcher.latestUnfinished()
                            .orElseThrow(() -> new NothingToDo("there is no run to restart: every run completed"));
            RunParameters run = context.bean(RunHistory.class).parameters(id).orElse(null);
            if (run == null || !run.overTenants()) {
                context.bean(QlikClient.class);
            } else {
                TenantOptions.checkBeforeSending(context, run, false);
            }
            return launcher.restart(id, progress);
        });
    }
}

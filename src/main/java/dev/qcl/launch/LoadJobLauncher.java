package dev.qcl.launch;

import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFiles;
import dev.qcl.home.SeriesLock;
import dev.qcl.job.LoadJobFactory;
import dev.qcl.job.ProcessMarker;
import dev.qcl.job.RunEnding;
import dev.qcl.results.ResultRepository;
import dev.qcl.run.PlanRef;
import dev.qcl.run.RowSelection;
import dev.qcl.run.RunParameters;
import dev.qcl.run.RunProgress;
import dev.qcl.run.RunTenants;
import dev.qcl.settings.ConfigurationProblem;
import dev.qcl.settings.WriteProperties;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Starts, restarts and reruns the load job, one run per call, in this thread. Which run a call
 * makes is decided here (a labelled call may continue its series' unfinished run); recovery of runs
 * left by dead processes, the senders and how an execution ended live in their own classes.
 */
public final class LoadJobLauncher {
    private static final Logger log = LoggerFactory.getLogger(LoadJobLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ObjectProvider<LoadJobFactory> jobs;
    private final ResultRepository results;
    private final RunHistory history;
    private final WriteProperties write;
    private final AbandonedRuns abandoned;
    private final DataSource ownConnections;

    /** @param ownConnections connections outside the pool, for the lock a labelled run holds while it runs */
    public LoadJobLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            ObjectProvider<LoadJobFactory> jobs,
            ResultRepository results,
            RunHistory history,
            WriteProperties write,
            DataSource ownConnections) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.results = results;
        this.history = history;
        this.write = write;
        this.abandoned = new AbandonedRuns(jobOperator, jobRepository);
        this.ownConnections = ownConnections;
    }

    /**
     * Starts a new run. With a label, the latest run of that series is continued instead when it did
     * not complete and its input and mode are the same (contract section 2); otherwise a new run of
     * the series starts, also over an unchanged sheet.
     */
    public LaunchResult run(RunParameters run, long rows, RunProgress progress) {
        progress.expect(rows);
        // which run of the series to make, and the run itself, under the series' lock: two machines that
        // share the job repository must not both decide to start (or continue) a run of one label
        try (SeriesLock series = lockSeries(run, run.dryRun() ? "validate" : "run")) {
            Optional<RunParameters> unfinished = unfinishedOfSeries(run);
            if (unfinished.isPresent()) {
                LaunchResult continued = launch(unfinished.get(), progress);
                return new LaunchResult(continued.runId(), true, continued.failure());
            }
            return launch(run, progress);
        }
    }

    /**
     * Resumes a run that did not complete, from its last committed chunk. Spring Batch's own restart:
     * {@code JobOperator.start} with the run's identifying parameters continues its failed or stopped
     * instance. {@code JobOperator.restart(JobExecution)} is not used because it looks the job up by name
     * in a job registry, and a run's job is built for that run ({@link LoadJobFactory}).
     */
    public LaunchResult restart(long runId, RunProgress progress) {
        List<JobExecution> executions = history.executions(runId);
        if (executions.isEmpty()) {
            throw new ConfigurationProblem("there is no run " + runId + "; see qcl status");
        }
        JobExecution last = executions.get(executions.size() - 1);
        if (last.getStatus() == BatchStatus.COMPLETED) {
            throw new NothingToDo("run " + runId + " completed; there is nothing to restart (see qcl rerun-failed)");
        }
        RunParameters run = RunParameters.from(last.getJobParameters());
        InputFile input = InputFiles.inspect(run.input(), run.sheet());
        if (!input.sha256().equals(run.inputSha256())) {
            throw new ConfigurationProblem("the input " + run.input() + " changed since run " + runId
                    + " started; restore it, or start a new run");
        }
        if (run.overTenants()
                && !run.tenants()
                        .sha256()
                        .equals(RunTenants.digestOf(run.tenants().file()))) {
            throw new ConfigurationProblem("the tenants file " + run.tenants().file() + " changed since run " + runId
                    + " started; restore it, or start a new run");
        }
        progress.expect(run.rerunOf() == null ? input.dataRows() : RerunSelection.count(run.rerunOf(), results));
        // a run of a series is restarted under the series' lock, so that a labelled call cannot continue it meanwhile
        try (SeriesLock series = lockSeries(run, "restart")) {
            return launch(run, progress);
        }
    }

    /** The newest run that did not complete, if any. */
    public Optional<Long> latestUnfinished() {
        return history.recent(50).stream()
                .filter(r -> !r.completed())
                .map(RunInfo::runId)
                .findFirst();
    }

    /** Asks the runs of this process to stop at their next chunk boundary (Ctrl-C, SIGTERM). */
    public void stopRunningInThisProcess() {
        long pid = ProcessHandle.current().pid();
        for (JobExecution execution : jobRepository.findRunningJobExecutions(LoadJobFactory.JOB_NAME)) {
            if (execution.getExecutionContext().getLong(ProcessMarker.PID, -1L) == pid) {
                try {
                    jobOperator.stop(execution);
                } catch (Exception e) {
                    log.warn(
                            "Could not stop run {}: {}",
                            execution.getJobInstance().getInstanceId(),
                            e.getMessage());
                }
            }
        }
    }

    RowSelection selectionFor(RunParameters run) {
        if (run.rerunOf() == null) {
            return RowSelection.ALL;
        }
        RunInfo original = history.find(run.rerunOf())
                .orElseThrow(() -> new ConfigurationProblem("there is no run " + run.rerunOf()));
        return original.inputSha256().equals(run.inputSha256())
                ? RerunSelection.failedRowsOf(run.rerunOf(), results)
                : RerunSelection.failedNamesOf(run.rerunOf(), results);
    }

    /** The lock of the run's series, or null for a run without a label (try-with-resources allows it). */
    private SeriesLock lockSeries(RunParameters run, String command) {
        if (run.label() == null || run.label().isBlank()) {
            return null;
        }
        return SeriesLock.take(ownConnections, run.label(), run.dryRun(), command, Clock.systemUTC());
    }

    /** The parameters of the series' latest run, when this call should continue it. */
    private Optional<RunParameters> unfinishedOfSeries(RunParameters run) {
        if (run.label() == null || run.label().isBlank() || run.rerunOf() != null) {
            return Optional.empty();
        }
        return history.latestOfSeries(run.label(), run.dryRun())
                .filter(latest -> !latest.completed())
                .map(latest -> RunParameters.from(history.executions(latest.runId())
                        .get(latest.executions() - 1)
                        .getJobParameters()))
                .filter(earlier -> earlier.inputSha256().equals(run.inputSha256())
                        && Objects.equals(earlier.sheet(), run.sheet())
                        && earlier.onExisting() == run.onExisting()
                        && earlier.ownership().equals(run.ownership())
                        && java.util.Objects.equals(tenantsDigest(earlier), tenantsDigest(run))
                        && samePlan(earlier.plan(), run.plan()))
                .map(earlier -> {
                    log.info(
                            "The latest run labelled {} did not complete and its input is unchanged: continuing it",
                            run.label());
                    return earlier;
                });
    }

    private static String tenantsDigest(RunParameters run) {
        return run.overTenants() ? run.tenants().sha256() : null;
    }

    private static boolean samePlan(PlanRef earlier, PlanRef now) {
        return earlier == null ? now == null : now != null && earlier.sha256().equals(now.sha256());
    }

    private LaunchResult launch(RunParameters run, RunProgress progress) {
        abandoned.recoverIfAbandoned(run);
        try (Senders senders = Senders.forRun(run, write)) {
            Job job = jobs.getObject().create(run, selectionFor(run), progress, senders::next);
            JobExecution execution = start(job, run);
            return new LaunchResult(execution.getJobInstance().getInstanceId(), false, RunEnding.reason(execution));
        }
    }

    /**
     * Runs the job in this thread. Failures of the run itself are recorded in the execution; what
     * leaves here was refused before the run began (exit 2) or broke the machinery under it (exit 3).
     */
    private JobExecution start(Job job, RunParameters run) {
        try {
            return jobOperator.start(job, run.toJobParameters());
        } catch (JobInstanceAlreadyCompleteException e) {
            throw new NothingToDo("this run already completed; there is nothing to restart (see qcl rerun-failed)");
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ConfigurationProblem("this run is already running in another process; wait for it to end");
        } catch (JobRestartException | InvalidJobParametersException e) {
            throw new ConfigurationProblem("the run cannot start: " + e.getMessage());
        } catch (ConfigurationProblem e) {
            throw e;
        } catch (RuntimeException e) {
            throw new RunAbortedException("the run could not go on: " + e.getMessage(), e);
        }
    }

    /** There is nothing to restart or rerun: the command says so and exits 2. */
    public static final class NothingToDo extends RuntimeException {
        public NothingToDo(String message) {
            super(message);
        }
    }
}

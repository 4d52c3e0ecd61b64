package dev.qcl.batch;

import dev.qcl.csv.InputFile;
import dev.qcl.csv.InputFiles;
import dev.qcl.qlik.RunStoppingException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Starts, restarts and reruns the load job, one run per call, in this thread. A run left STARTED by a
 * process that died (same host, PID gone) is marked FAILED first so that it can be restarted.
 */
public final class LoadJobLauncher {
    private static final Logger log = LoggerFactory.getLogger(LoadJobLauncher.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final ObjectProvider<LoadJobFactory> jobs;
    private final ResultRepository results;
    private final RunHistory history;
    private final WriteProperties write;

    LoadJobLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            ObjectProvider<LoadJobFactory> jobs,
            ResultRepository results,
            RunHistory history,
            WriteProperties write) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.results = results;
        this.history = history;
        this.write = write;
    }

    /** Starts a new run, or continues the labelled run with the same content if it did not complete. */
    public LaunchResult run(RunParameters run, long rows, RunProgress progress) {
        progress.expect(rows);
        return launch(run, progress);
    }

    /** Resumes a run that did not complete, from its last committed chunk. */
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
        InputFile input = InputFiles.inspect(run.input());
        if (!input.sha256().equals(run.inputSha256())) {
            throw new ConfigurationProblem("the input " + run.input()
                    + " changed since run " + runId + " started; restore it, or start a new run");
        }
        progress.expect(run.rerunOf() == null ? input.dataRows() : RerunSelection.count(run.rerunOf(), results));
        return launch(run, progress);
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
                    log.warn("Could not stop run {}: {}", execution.getJobInstance().getInstanceId(), e.getMessage());
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

    private LaunchResult launch(RunParameters run, RunProgress progress) {
        recoverIfAbandoned(run);
        ThreadPoolTaskExecutor senders = senders(run);
        try {
            Job job = jobs.getObject().create(run, selectionFor(run), progress, senders);
            JobExecution execution = jobOperator.start(job, run.toJobParameters());
            return new LaunchResult(execution.getJobInstance().getInstanceId(), false, stopIfThrottled(execution));
        } catch (JobInstanceAlreadyCompleteException e) {
            long runId = jobRepository.getJobInstance(LoadJobFactory.JOB_NAME, run.toJobParameters()).getInstanceId();
            return new LaunchResult(runId, true, null);
        } catch (JobExecutionAlreadyRunningException e) {
            throw new ConfigurationProblem("this run is already running in another process; wait for it to end");
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the job could not start: " + e.getMessage(), e);
        } finally {
            if (senders != null) {
                senders.shutdown();
            }
        }
    }

    /** A run left STARTED by a dead process on this host is marked FAILED so that it can go on. */
    private void recoverIfAbandoned(RunParameters run) {
        var instance = jobRepository.getJobInstance(LoadJobFactory.JOB_NAME, run.toJobParameters());
        if (instance == null) {
            return;
        }
        JobExecution last = jobRepository.getLastJobExecution(instance);
        if (last == null || !last.isRunning()) {
            return;
        }
        String host = last.getExecutionContext().getString(ProcessMarker.HOST, "");
        long pid = last.getExecutionContext().getLong(ProcessMarker.PID, -1L);
        // our own PID is dead too: in a container every process may get the same PID (often 1)
        if (host.equals(ThisProcess.host()) && (pid == ProcessHandle.current().pid() || !ThisProcess.alive(pid))) {
            log.info("Run {} was left running by process {}, which has ended; marking it FAILED to restart it",
                    instance.getInstanceId(), pid);
            jobOperator.recover(jobRepository.getJobExecution(last.getId()));
        } else if (!host.isEmpty() && !host.equals(ThisProcess.host())) {
            throw new ConfigurationProblem("run " + instance.getInstanceId() + " is marked running by process " + pid
                    + " on host " + host + "; restart it there, or wait for it to end");
        }
    }

    /**
     * A quota pause longer than the cap, or a wait interrupted by a stop request, ends the run as
     * STOPPED, not FAILED: nothing went wrong, and it can be restarted.
     */
    private String stopIfThrottled(JobExecution execution) {
        String failure = null;
        boolean stopped = false;
        for (Throwable t : execution.getAllFailureExceptions()) {
            for (Throwable cause = t; cause != null; cause = cause.getCause()) {
                if (cause instanceof RunStoppingException stopping) {
                    failure = stopping.getMessage();
                    stopped = stopping.runStatus() == RunStoppingException.RunStatus.STOPPED;
                    break;
                }
            }
            if (failure == null) {
                // the innermost message names what went wrong; the outer ones say "Unable to process chunk"
                Throwable root = t;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                failure = root.getMessage() != null ? root.getMessage() : t.getMessage();
            }
        }
        if (stopped && execution.getStatus() == BatchStatus.FAILED) {
            execution.setStatus(BatchStatus.STOPPED);
            execution.setExitStatus(ExitStatus.STOPPED.addExitDescription(failure));
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.FAILED) {
                    step.setStatus(BatchStatus.STOPPED);
                    step.setExitStatus(ExitStatus.STOPPED);
                    jobRepository.update(step);
                }
            }
            jobRepository.update(execution);
        }
        return failure;
    }

    /** Threads that send rows; a dry run sends nothing, and handing its rows to threads only costs time. */
    private ThreadPoolTaskExecutor senders(RunParameters run) {
        if (run.dryRun() || write.concurrency() <= 1) {
            return null;
        }
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(write.concurrency());
        executor.setMaxPoolSize(write.concurrency());
        executor.setThreadNamePrefix("qcl-sender-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }

    /** There is nothing to restart or rerun: the command says so and exits 2. */
    public static final class NothingToDo extends RuntimeException {
        public NothingToDo(String message) {
            super(message);
        }
    }
}

package dev.qcl.launch;

import dev.qcl.home.ThisProcess;
import dev.qcl.job.LoadJobFactory;
import dev.qcl.job.ProcessMarker;
import dev.qcl.run.RunParameters;
import dev.qcl.settings.ConfigurationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Runs left STARTED by a process that died: one of this host whose PID is gone is marked FAILED so
 * that it can go on; one marked by another host is left alone, and the call is refused. The framework
 * marks the execution ({@code JobOperator.recover}); telling that its process is gone is ours, because
 * the job repository records no process.
 */
final class AbandonedRuns {
    private static final Logger log = LoggerFactory.getLogger(AbandonedRuns.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;

    AbandonedRuns(JobOperator jobOperator, JobRepository jobRepository) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
    }

    /** Makes the run of these parameters restartable if its process died; refuses when it may still run. */
    void recoverIfAbandoned(RunParameters run) {
        JobInstance instance = jobRepository.getJobInstance(LoadJobFactory.JOB_NAME, run.toJobParameters());
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
            log.info(
                    "Run {} was left running by process {}, which has ended; marking it FAILED to restart it",
                    instance.getInstanceId(),
                    pid);
            jobOperator.recover(jobRepository.getJobExecution(last.getId()));
        } else if (!host.isEmpty() && !host.equals(ThisProcess.host())) {
            throw new ConfigurationProblem("run " + instance.getInstanceId() + " is marked running by process " + pid
                    + " on host " + host + "; restart it there, or wait for it to end");
        }
    }
}

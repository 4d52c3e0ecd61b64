package dev.qcl.job;

import dev.qcl.home.ThisProcess;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Records which process runs an execution (host and PID, in the job execution's context), so that a
 * later {@code restart} can tell a run left STARTED by a dead process from one still running.
 */
public final class ProcessMarker implements JobExecutionListener {
    public static final String HOST = "qcl.host";
    public static final String PID = "qcl.pid";

    private final JobRepository jobRepository;

    ProcessMarker(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void beforeJob(JobExecution jobExecution) {
        jobExecution.getExecutionContext().putString(HOST, ThisProcess.host());
        jobExecution.getExecutionContext().putLong(PID, ProcessHandle.current().pid());
        // saved now: the job's context is otherwise only saved when the job ends, which a killed process never does
        jobRepository.updateExecutionContext(jobExecution);
    }
}

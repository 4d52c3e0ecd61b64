package dev.qcl.job;

import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.RunStoppingException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * How an execution that did not complete is recorded and explained: the one-line reason, and
 * STOPPED rather than FAILED when nothing went wrong (a quota pause longer than the cap, a stop
 * request during a wait), so that the run reads as stopped and can be restarted. A job listener: the
 * status is corrected in {@code afterJob}, before the framework saves the execution's end.
 */
public final class RunEnding implements JobExecutionListener {
    private final JobRepository jobRepository;

    RunEnding(JobRepository jobRepository) {
        this.jobRepository = jobRepository;
    }

    @Override
    public void afterJob(JobExecution execution) {
        settle(execution);
    }

    /** The one-line reason an execution ended early, or null when it did not. */
    public static String reason(JobExecution execution) {
        return ending(execution).reason();
    }

    /**
     * The reason the execution ended early (null when it did not), its status corrected on the way: the
     * steps' are saved here, the execution's by the framework once its listeners are done.
     */
    String settle(JobExecution execution) {
        Ending ending = ending(execution);
        if (ending.stopped() && execution.getStatus() == BatchStatus.FAILED) {
            String failure = ending.reason();
            execution.setStatus(BatchStatus.STOPPED);
            execution.setExitStatus(ExitStatus.STOPPED.addExitDescription(failure));
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus() == BatchStatus.FAILED) {
                    step.setStatus(BatchStatus.STOPPED);
                    step.setExitStatus(ExitStatus.STOPPED);
                    jobRepository.update(step);
                }
            }
            // the execution itself is saved by the framework right after afterJob
        }
        return ending.reason();
    }

    /** Why an execution ended, and whether that was a stop rather than a failure. */
    private record Ending(String reason, boolean stopped) {}

    private static Ending ending(JobExecution execution) {
        // a run over several tenants: each tenant's part says why it ended, named by the tenant
        Map<String, Throwable> byPart = new LinkedHashMap<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().equals(TenantJobs.MANAGER_STEP_NAME)) {
                continue; // "Partition handler returned an unsuccessful step": the parts say why
            }
            String alias = step.getExecutionContext().getString(TenantPartitioner.ALIAS, "");
            for (Throwable t : step.getFailureExceptions()) {
                byPart.merge(
                        alias, t, (first, next) -> stopping(first) == null && stopping(next) != null ? next : first);
            }
        }
        for (Throwable t : execution.getFailureExceptions()) {
            byPart.putIfAbsent("", t);
        }
        if (byPart.isEmpty()) {
            return new Ending(null, false);
        }
        boolean overTenants = byPart.keySet().stream().anyMatch(alias -> !alias.isEmpty());
        List<String> reasons = new ArrayList<>();
        boolean stopped = true;
        for (Map.Entry<String, Throwable> part : byPart.entrySet()) {
            RunStoppingException stopping = stopping(part.getValue());
            // over several tenants a part ended by its quota ends the run FAILED (contract section 12);
            // only a stop request stops it
            stopped &= stopping != null
                    && stopping.runStatus() == RunStoppingException.RunStatus.STOPPED
                    && (!overTenants || stopping instanceof RunInterruptedException);
            String reason = stopping != null ? stopping.getMessage() : rootMessage(part.getValue());
            String alias = part.getKey();
            reasons.add(
                    alias.isEmpty() || alias.equals(TenantPartitioner.UNASSIGNED)
                            ? reason
                            : "tenant " + alias + ": " + reason);
        }
        return new Ending(String.join("; ", reasons), stopped);
    }

    private static RunStoppingException stopping(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof RunStoppingException stopping) {
                return stopping;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The innermost message names what went wrong; the outer ones say "Unable to process chunk". */
    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : t.getMessage();
    }
}

package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.qcl.LoopbackTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How an execution that did not complete is recorded: the reason from the innermost failure, and
 * STOPPED instead of FAILED when the tenant asked for a pause longer than the cap. The failures are
 * the client's own, from a tenant on loopback.
 */
class RunEndingTests {
    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    ResourcelessJobRepository repository;
    JobExecution execution;
    StepExecution step;

    @BeforeEach
    void start() {
        repository = new ResourcelessJobRepository();
        JobInstance instance = repository.createJobInstance(LoadJobFactory.JOB_NAME, new JobParameters());
        execution = repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());
        step = repository.createStepExecution(LoadJobFactory.STEP_NAME, execution);
    }

    /** What the client throws when the tenant answers every call with {@code status} (and Retry-After). */
    Throwable failureOnAnswer(int status, String retryAfterSeconds) {
        tenant.server.stubFor(any(anyUrl())
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Retry-After", retryAfterSeconds)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"title\":\"no\",\"status\":" + status + "}]}")));
        return catchThrowable(() -> tenant.client.space("6601c0a3e9b1f24d7a5c8e10"));
    }

    void failed(Throwable failure) {
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(ExitStatus.FAILED);
        step.setStatus(BatchStatus.FAILED);
        step.setExitStatus(ExitStatus.FAILED);
        execution.addFailureException(failure);
    }

    @Test
    void should_give_no_reason_and_change_nothing_when_nothing_failed() {
        execution.setStatus(BatchStatus.COMPLETED);

        assertThat(new RunEnding(repository).settle(execution)).isNull();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void should_give_the_innermost_message_and_keep_failed_when_a_chunk_failed_for_another_reason() {
        // given
        failed(new IllegalStateException(
                "Unable to process chunk", new RuntimeException("wrapped", new IllegalArgumentException("disk full"))));

        // when
        String reason = new RunEnding(repository).settle(execution);

        // then
        assertThat(reason).isEqualTo("disk full");
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(step.getStatus()).isEqualTo(BatchStatus.FAILED);
    }

    @Test
    void should_give_the_outer_message_when_the_innermost_has_none() {
        failed(new IllegalStateException("Unable to process chunk", new NullPointerException()));

        assertThat(new RunEnding(repository).settle(execution)).isEqualTo("Unable to process chunk");
    }

    @Test
    void should_keep_a_run_failed_with_the_tenants_reason_when_the_key_is_refused() {
        // given: a 401, wrapped as the step wraps it
        Throwable refused = failureOnAnswer(401, "0");
        failed(new IllegalStateException("Unable to process chunk", refused));

        // when
        String reason = new RunEnding(repository).settle(execution);

        // then
        assertThat(reason).isEqualTo(refused.getMessage()).isNotBlank();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("FAILED");
    }

    @Test
    void should_record_a_run_stopped_with_the_reason_when_the_tenant_asks_for_a_pause_over_the_cap() {
        // given: a 429 asking for an hour's pause, when the cap is five minutes
        Throwable pause = failureOnAnswer(429, "3600");
        failed(new IllegalStateException("Unable to process chunk", pause));

        // when
        String reason = new RunEnding(repository).settle(execution);

        // then
        assertThat(reason).isEqualTo(pause.getMessage()).isNotBlank();
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(execution.getExitStatus().getExitCode()).isEqualTo("STOPPED");
        assertThat(execution.getExitStatus().getExitDescription()).contains(reason);
        assertThat(step.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(step.getExitStatus()).isEqualTo(ExitStatus.STOPPED);
    }

    @Test
    void should_leave_a_completed_step_alone_when_the_run_is_recorded_stopped() {
        // given
        Throwable pause = failureOnAnswer(429, "3600");
        failed(pause);
        step.setStatus(BatchStatus.COMPLETED);

        // when
        new RunEnding(repository).settle(execution);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(step.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void should_not_turn_a_run_that_did_not_fail_into_a_stopped_one() {
        // given: the pause was hit, but the execution is recorded as stopping already
        Throwable pause = failureOnAnswer(429, "3600");
        execution.addFailureException(pause);
        execution.setStatus(BatchStatus.STOPPING);

        // when
        new RunEnding(repository).settle(execution);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPING);
    }

    @Test
    void should_record_the_stop_in_after_job_so_that_the_framework_saves_the_run_as_stopped() {
        // given: the job ended on a pause over the cap, as the framework hands it to its listeners
        Throwable pause = failureOnAnswer(429, "3600");
        failed(new IllegalStateException("Unable to process chunk", pause));

        // when
        new RunEnding(repository).afterJob(execution);

        // then
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(step.getStatus()).isEqualTo(BatchStatus.STOPPED);
        assertThat(RunEnding.reason(execution)).isEqualTo(pause.getMessage());
    }
}

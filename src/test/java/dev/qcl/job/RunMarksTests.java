package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.home.ThisProcess;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowStatus;
import dev.qcl.results.TimelineSample;
import dev.qcl.run.RunProgress;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.support.ResourcelessJobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** What a run marks about itself: the process that runs it, and its timeline. */
class RunMarksTests {
    static final long RUN = 4;

    @Nested
    class Process {
        @Test
        void should_name_this_host_as_the_network_knows_it() throws UnknownHostException {
            assertThat(ThisProcess.host()).isEqualTo(InetAddress.getLocalHost().getHostName());
        }

        @Test
        void should_tell_a_live_process_from_one_that_is_gone() {
            assertThat(ThisProcess.alive(ProcessHandle.current().pid())).isTrue();
            assertThat(ThisProcess.alive(Long.MAX_VALUE)).isFalse();
        }

        @Test
        void should_save_the_host_and_pid_into_the_jobs_context_when_the_job_starts() {
            // given
            ResourcelessJobRepository repository = new ResourcelessJobRepository();
            JobInstance instance = repository.createJobInstance(LoadJobFactory.JOB_NAME, new JobParameters());
            JobExecution execution =
                    repository.createJobExecution(instance, new JobParameters(), new ExecutionContext());

            // when
            new ProcessMarker(repository).beforeJob(execution);

            // then
            assertThat(execution.getExecutionContext().getString(ProcessMarker.HOST))
                    .isEqualTo(ThisProcess.host());
            assertThat(execution.getExecutionContext().getLong(ProcessMarker.PID))
                    .isEqualTo(ProcessHandle.current().pid());
        }
    }

    @Nested
    class Timeline {
        @TempDir
        Path dir;

        @Test
        void should_sample_when_the_job_starts_and_ends_counting_the_rows_of_earlier_executions() {
            // given: a restarted run with two rows done before, and one 429 so far
            ResultRepository results = new ResultRepository(ResultFixtures.database(dir));
            results.insert(
                    RUN,
                    List.of(
                            ResultFixtures.result(2, RowStatus.CREATED, ""),
                            ResultFixtures.result(3, RowStatus.FAILED, "down")));
            RunProgress progress = new RunProgress();
            Instant at = Instant.parse("2026-11-30T08:00:00Z");
            TimelineRecorder recorder =
                    new TimelineRecorder(results, progress, () -> 1, Clock.fixed(at, ZoneOffset.UTC));
            JobExecution execution =
                    new JobExecution(9L, new JobInstance(RUN, LoadJobFactory.JOB_NAME), new JobParameters());

            // when
            recorder.beforeJob(execution);
            progress.record(RowStatus.CREATED);
            progress.record(RowStatus.SKIPPED);
            progress.record(RowStatus.CREATED);
            recorder.afterJob(execution);

            // then
            assertThat(results.timeline(RUN))
                    .containsExactly(new TimelineSample(at, 2, 1), new TimelineSample(at, 5, 1));
        }
    }
}

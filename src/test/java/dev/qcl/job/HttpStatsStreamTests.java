package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.qlik.HttpStats;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/** The HTTP counters kept in the step's execution context, so that a restart goes on counting. */
class HttpStatsStreamTests {
    @Test
    void should_go_on_from_the_saved_counters_when_a_restart_opens_the_step() {
        // given: what the failed execution saved
        ExecutionContext saved = new ExecutionContext();
        saved.putLong(HttpStatsStream.REQUESTS, 40);
        saved.putLong(HttpStatsStream.RETRIES, 3);
        saved.putLong(HttpStatsStream.THROTTLED, 2);
        saved.putLong(HttpStatsStream.WAIT_MILLIS, 1500);
        HttpStats stats = new HttpStats();

        // when
        new HttpStatsStream(stats).open(saved);

        // then
        assertThat(stats.snapshot()).isEqualTo(new HttpStats.Snapshot(40, 3, 2, 1500));
    }

    @Test
    void should_add_nothing_to_the_counters_when_nothing_was_saved() {
        HttpStats stats = new HttpStats();
        stats.restore(2, 1, 0, 0);

        new HttpStatsStream(stats).open(new ExecutionContext());

        assertThat(stats.snapshot()).isEqualTo(new HttpStats.Snapshot(2, 1, 0, 0));
    }

    @Test
    void should_save_every_counter_with_a_chunk_and_when_the_step_ends() {
        // given
        HttpStats stats = new HttpStats();
        stats.restore(12, 4, 1, 700);
        HttpStatsStream stream = new HttpStatsStream(stats);
        ExecutionContext chunk = new ExecutionContext();
        StepExecution step =
                new StepExecution("load", new JobExecution(1L, new JobInstance(1L, "qcl-load"), new JobParameters()));
        step.setExitStatus(ExitStatus.FAILED);

        // when
        stream.update(chunk);
        ExitStatus exit = stream.afterStep(step);

        // then
        for (ExecutionContext context : new ExecutionContext[] {chunk, step.getExecutionContext()}) {
            assertThat(context.getLong(HttpStatsStream.REQUESTS)).isEqualTo(12);
            assertThat(context.getLong(HttpStatsStream.RETRIES)).isEqualTo(4);
            assertThat(context.getLong(HttpStatsStream.THROTTLED)).isEqualTo(1);
            assertThat(context.getLong(HttpStatsStream.WAIT_MILLIS)).isEqualTo(700);
        }
        assertThat(exit).isEqualTo(ExitStatus.FAILED);
    }
}

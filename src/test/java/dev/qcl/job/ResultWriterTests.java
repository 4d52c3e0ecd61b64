package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/** Each chunk's results stored under the run (the job instance), in a real H2 job repository. */
class ResultWriterTests {
    static final long RUN = 7;

    @TempDir
    Path dir;

    @Test
    void should_store_the_chunks_results_under_the_run_of_the_step_when_a_chunk_is_written() throws Exception {
        // given
        ResultRepository results = new ResultRepository(ResultFixtures.database(dir));
        ResultWriter writer = new ResultWriter(results);
        JobExecution execution =
                new JobExecution(11, new JobInstance(RUN, LoadJobFactory.JOB_NAME), new JobParameters());
        writer.beforeStep(new StepExecution(12, LoadJobFactory.STEP_NAME, execution));
        RowResult created = ResultFixtures.result(2, RowStatus.CREATED, "");
        RowResult invalid = ResultFixtures.result(3, RowStatus.INVALID, "port: not an integer");

        // when
        writer.write(new Chunk<>(List.of(created, invalid)));

        // then
        List<RowResult> stored = new ArrayList<>();
        results.forEach(RUN, stored::add);
        assertThat(stored).containsExactly(created, invalid);
        List<RowResult> elsewhere = new ArrayList<>();
        results.forEach(0, elsewhere::add);
        assertThat(elsewhere).isEmpty();
    }
}

package dev.qcl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.connector.SpaceMap;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

class RunParametersTests {
    private static RunParameters run() {
        return RunParameters.of(Path.of("sheet.csv"), "abc", "nightly", OnExisting.UPDATE, false, null);
    }

    @Test
    void should_keep_the_space_map_as_an_identifying_job_parameter_so_that_a_restart_maps_the_same_way() {
        // given
        SpaceMap map = SpaceMap.parse(List.of("Finance=Finance Prod", "Sales=Sales, EU"));

        // when
        JobParameters parameters = run().withSpaceMap(map).toJobParameters();

        // then
        assertThat(parameters.getParameter(RunParameters.SPACE_MAP).identifying())
                .isTrue();
        assertThat(RunParameters.from(parameters).spaceMap()).isEqualTo(map);
        assertThat(RunParameters.from(parameters).spaceMap().replacements().keySet())
                .containsExactly("Finance", "Sales");
    }

    @Test
    void should_make_the_same_labelled_sheet_another_run_when_it_is_mapped_differently() {
        JobParameters plain = run().toJobParameters();
        JobParameters mapped = run().withSpaceMap(SpaceMap.parse(List.of("Finance=Finance Prod")))
                .toJobParameters();

        assertThat(plain.getParameter(RunParameters.SPACE_MAP)).isNull();
        assertThat(RunParameters.from(plain).spaceMap().isEmpty()).isTrue();
        assertThat(mapped.getIdentifyingParameters()).isNotEqualTo(plain.getIdentifyingParameters());
    }

    @Test
    void should_keep_the_plan_a_run_applies_so_that_a_restart_and_a_rerun_find_it_again() {
        // given
        PlanRef plan = new PlanRef(
                Path.of("plans/../plan.json"), "f".repeat(64), java.time.Instant.parse("2026-12-01T10:00:00.123Z"));

        // when
        JobParameters parameters = run().withPlan(plan).toJobParameters();
        RunParameters read = RunParameters.from(parameters);

        // then
        assertThat(read.plan()).isEqualTo(plan);
        assertThat(read.plan().file()).isEqualTo(Path.of("plan.json").toAbsolutePath());
        assertThat(parameters.getParameter("plan.sha256").identifying()).isTrue();
        assertThat(RunParameters.from(run().toJobParameters()).plan()).isNull();
        assertThat(run().toJobParameters().getParameter("plan.sha256")).isNull();
        assertThat(read.withOwnership(new Ownership("x", false, 3))
                        .withSpaceMap(SpaceMap.NONE)
                        .plan())
                .isEqualTo(plan);
    }

    @Test
    void should_read_back_the_owned_set_its_prune_and_its_cap_when_the_run_owns_a_set() {
        // given
        RunParameters owned = run().withOwnership(new Ownership("nightly", true, 7));

        // when
        RunParameters read = RunParameters.from(owned.toJobParameters());

        // then
        assertThat(read.ownership()).isEqualTo(new Ownership("nightly", true, 7));
        assertThat(read).isEqualTo(owned);
    }

    @Test
    void should_take_the_default_cap_when_a_run_of_an_owned_set_stored_none() {
        // given: an owned run whose parameters hold no cap
        JobParameters parameters =
                run().withOwnership(new Ownership("nightly", false, 7)).toJobParameters();
        JobParameters withoutCap = new JobParameters(parameters.parameters().stream()
                .filter(p -> !p.name().equals(RunParameters.MAX_DELETES))
                .collect(java.util.stream.Collectors.toSet()));

        // when / then
        assertThat(RunParameters.from(withoutCap).ownership())
                .isEqualTo(new Ownership("nightly", false, Ownership.DEFAULT_MAX_DELETES));
    }

    @Nested
    class Validation {
        @Test
        void should_accept_every_parameter_a_run_writes_when_it_owns_a_set_and_maps_spaces() throws Exception {
            // given
            RunParameters run = RunParameters.of(
                            Path.of("in.csv"), "0".repeat(64), "nightly", OnExisting.SKIP, true, 3L)
                    .withOwnership(new Ownership("finance", true, 5))
                    .withSpaceMap(new SpaceMap(java.util.Map.of("Finance", "Finance EU")));

            // when / then: no exception
            RunParameters.VALIDATOR.validate(run.toJobParameters());
        }

        @Test
        void should_refuse_parameters_without_the_inputs_digest() {
            // given
            JobParameters parameters = new JobParametersBuilder()
                    .addString("input", "in.csv")
                    .addString("run.key", "once:1")
                    .addString("on.existing", "skip")
                    .toJobParameters();

            // when / then
            assertThatThrownBy(() -> RunParameters.VALIDATOR.validate(parameters))
                    .isInstanceOf(InvalidJobParametersException.class)
                    .hasMessageContaining("input.sha256");
        }
    }
}

package dev.qcl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.results.RowStatus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

/** A run's plain values: its job parameters, statuses and selections. */
class RunValuesTests {
    private static final String SHA = "0".repeat(64);

    @Nested
    class Parameters {
        @Test
        void should_read_back_every_parameter_it_wrote() {
            // given
            RunParameters written =
                    RunParameters.of(Path.of("in/../connections.csv"), SHA, "nightly", OnExisting.UPDATE, true, 7L);

            // when
            RunParameters read = RunParameters.from(written.toJobParameters());

            // then
            assertThat(read).isEqualTo(written);
            assertThat(read.input()).isEqualTo(Path.of("connections.csv").toAbsolutePath());
            assertThat(read.runKey()).startsWith("label:nightly:");
        }

        @Test
        void should_identify_a_run_by_content_key_mode_and_dry_run_only() {
            JobParameters parameters = RunParameters.of(Path.of("a.csv"), SHA, "nightly", OnExisting.SKIP, false, 3L)
                    .toJobParameters();

            assertThat(parameters.getIdentifyingParameters())
                    .extracting(p -> p.name())
                    .containsExactlyInAnyOrder("input.sha256", "run.key", "on.existing", "dry.run");
            assertThat(parameters.getString("on.existing")).isEqualTo("skip");
            assertThat(parameters.getString("dry.run")).isEqualTo("false");
            assertThat(parameters.getLong("rerun.of")).isEqualTo(3L);
        }

        @Test
        void should_give_a_run_without_a_label_a_key_of_its_own_and_no_label_parameter() {
            RunParameters first = RunParameters.of(Path.of("a.csv"), SHA, " ", OnExisting.SKIP, false, null);
            RunParameters second = RunParameters.of(Path.of("a.csv"), SHA, null, OnExisting.SKIP, false, null);

            assertThat(first.runKey()).startsWith("once:").isNotEqualTo(second.runKey());
            JobParameters parameters = first.toJobParameters();
            assertThat(parameters.getString("run.label")).isNull();
            assertThat(parameters.getLong("rerun.of")).isNull();
            assertThat(RunParameters.from(parameters).rerunOf()).isNull();
        }

        @Test
        void should_refuse_parameters_without_input_content_mode_or_key() {
            Path input = Path.of("a.csv");
            assertThatThrownBy(() -> new RunParameters(null, SHA, null, OnExisting.SKIP, false, null, "k", null, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(
                            () -> new RunParameters(input, null, null, OnExisting.SKIP, false, null, "k", null, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new RunParameters(input, SHA, null, null, false, null, "k", null, null))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(
                            () -> new RunParameters(input, SHA, null, OnExisting.SKIP, false, null, null, null, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void should_read_the_on_existing_option_in_any_case_and_spacing() {
            assertThat(OnExisting.parse(" Update ")).isEqualTo(OnExisting.UPDATE);
            assertThat(OnExisting.FAIL.option()).isEqualTo("fail");
        }
    }

    @Nested
    class Statuses {
        @Test
        void should_count_invalid_failed_and_a_planned_failure_as_problems() {
            assertThat(List.of(RowStatus.values()))
                    .filteredOn(RowStatus::isProblem)
                    .containsExactly(RowStatus.INVALID, RowStatus.FAILED, RowStatus.FAIL);
        }

        @Test
        void should_rerun_only_invalid_and_failed_rows() {
            assertThat(List.of(RowStatus.values()))
                    .filteredOn(RowStatus::isRerunnable)
                    .containsExactly(RowStatus.INVALID, RowStatus.FAILED);
        }

        @Test
        void should_take_every_row_in_a_run_of_all_rows() {
            assertThat(RowSelection.ALL.includes(new InputRow(2, List.of()), new CsvHeader(List.of())))
                    .isTrue();
        }
    }
}

package dev.qcl.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.spec.ConnectionDraft;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.parameters.JobParameters;

/** The run's plain values: duplicate keys, job parameters, statuses, results and progress counts. */
class RunValuesTests {
    private static final String SHA = "0".repeat(64);

    @Nested
    class DuplicateKeys {
        @Test
        void should_answer_the_first_row_of_a_repeated_name_and_space_and_zero_for_a_new_one() {
            SeenKeys keys = new SeenKeys();

            assertThat(keys.putIfAbsent("Sales", "s1", 2)).isZero();
            assertThat(keys.putIfAbsent("Sales", "s2", 3)).isZero();
            assertThat(keys.putIfAbsent("Sales", null, 4)).isZero();
            assertThat(keys.putIfAbsent("Sales", "s1", 5)).isEqualTo(2);
            assertThat(keys.putIfAbsent("Sales", "", 6))
                    .as("no space is the personal space")
                    .isEqualTo(4);
            assertThat(keys.putIfAbsent("Sales", "s1", 7))
                    .as("the first row stays")
                    .isEqualTo(2);
        }

        @Test
        void should_not_mistake_a_name_and_space_for_another_split_differently() {
            SeenKeys keys = new SeenKeys();
            keys.putIfAbsent("ab", "c", 2);

            assertThat(keys.putIfAbsent("a", "bc", 3)).isZero();
        }

        @Test
        void should_remember_every_row_of_a_sheet_far_larger_than_its_first_table() {
            // given: 5,000 keys, several times the initial 1,024 slots
            SeenKeys keys = new SeenKeys();
            for (int row = 2; row < 5_002; row++) {
                assertThat(keys.putIfAbsent("c" + row, "s", row)).isZero();
            }

            // then
            for (int row = 2; row < 5_002; row++) {
                assertThat(keys.putIfAbsent("c" + row, "s", row + 10_000)).isEqualTo(row);
            }
            assertThat(keys).hasToString("SeenKeys[size=5000, capacity=16384]");
        }

        @Test
        void should_grow_when_half_full() {
            SeenKeys keys = new SeenKeys();
            for (int row = 2; row < 514; row++) {
                keys.putIfAbsent("c" + row, null, row);
            }
            assertThat(keys).hasToString("SeenKeys[size=512, capacity=1024]");

            keys.putIfAbsent("one more", null, 600);

            assertThat(keys).hasToString("SeenKeys[size=513, capacity=2048]");
        }

        @Test
        void should_hash_the_utf8_bytes_of_name_and_space_to_a_stable_value_that_is_never_zero() {
            assertThat(SeenKeys.hash("Sales", "s1")).isEqualTo(SeenKeys.hash("Sales", "s1"));
            assertThat(SeenKeys.hash("Sales", null)).isEqualTo(SeenKeys.hash("Sales", ""));
            assertThat(SeenKeys.hash("Sales", "s1")).isNotEqualTo(SeenKeys.hash("Sales", "s2"));
            assertThat(SeenKeys.hash("Caf\u00e9", null)).isNotEqualTo(SeenKeys.hash("Cafe", null));
            assertThat(SeenKeys.hash("", null)).isNotZero();
        }

        @Test
        void should_hash_as_fnv_1a_then_the_murmur3_finaliser_when_given_known_keys() {
            // known answers of the documented hash, worked out apart from the code
            assertThat(SeenKeys.hash("Sales", "s1")).isEqualTo(3400383466082925360L);
            assertThat(SeenKeys.hash("", null)).isEqualTo(-5115162479779449349L);
            assertThat(SeenKeys.hash("Caf\u00e9", null)).isEqualTo(-2527357247155582328L);
        }
    }

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

    @Nested
    class ResultsAndProgress {
        @Test
        void should_copy_the_draft_into_the_result_of_a_row() {
            ConnectionDraft draft = new ConnectionDraft(5, "Sales", "rest", "s1", List.of(), Map.of());

            RowResult result = Results.of(draft, RowStatus.CREATED, "c1", 201, 2, "created");

            assertThat(result)
                    .isEqualTo(new RowResult(5, "Sales", "s1", "rest", RowStatus.CREATED, "c1", 201, 2, "created"));
        }

        @Test
        void should_store_missing_texts_of_a_result_as_empty() {
            RowResult result = new RowResult(2, null, null, null, RowStatus.INVALID, null, null, 0, null);

            assertThat(result).isEqualTo(new RowResult(2, "", "", "", RowStatus.INVALID, "", null, 0, ""));
        }

        @Test
        void should_count_results_by_status_and_in_all() {
            RunProgress progress = new RunProgress();
            progress.expect(10);
            progress.record(RowStatus.CREATED);
            progress.record(RowStatus.CREATED);
            progress.record(RowStatus.FAILED);

            assertThat(progress.totalRows()).isEqualTo(10);
            assertThat(progress.done()).isEqualTo(3);
            assertThat(progress.counts())
                    .containsExactly(Map.entry(RowStatus.CREATED, 2L), Map.entry(RowStatus.FAILED, 1L));
        }
    }
}

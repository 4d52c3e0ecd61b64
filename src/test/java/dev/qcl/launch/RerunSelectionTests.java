package dev.qcl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.SpaceDirectory;
import dev.qcl.connector.TenantReadException;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.RowSelection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rows a {@code rerun-failed} takes, from the results of the run it repeats in a real H2 repository. */
class RerunSelectionTests {
    static final long RUN = 3;
    static final CsvHeader HEADER = new CsvHeader(List.of("qName", "dataSourceId", "space", "spaceName", "host"));

    @TempDir
    Path dir;

    ResultRepository results;

    @BeforeEach
    void repository() {
        results = new ResultRepository(ResultFixtures.database(dir));
    }

    static RowResult stored(int row, String qName, String space, RowStatus status) {
        return new RowResult(row, qName, space, "postgres", status, "", null, 0, "");
    }

    static InputRow row(int row, String qName, String space, String spaceName) {
        return new InputRow(row, List.of(qName, "postgres", space, spaceName, "db.example"));
    }

    /** Spaces by name, as the tenant would answer; a name in {@code refused} is refused with HTTP 403. */
    record Spaces(Map<String, List<String>> idsByName, List<String> asked) implements SpaceDirectory {
        Spaces(Map<String, List<String>> idsByName) {
            this(idsByName, new ArrayList<>());
        }

        @Override
        public boolean exists(String spaceId) {
            return true;
        }

        @Override
        public List<String> idsByExactName(String name) {
            asked.add(name);
            if (name.equals("Refused")) {
                throw new TenantReadException("search for spaces named 'Refused' was rejected", 403, 1);
            }
            return idsByName.getOrDefault(name, List.of());
        }
    }

    @Nested
    class ByRowNumber {
        @Test
        void should_take_only_the_invalid_and_failed_rows_when_rerunning_the_original_file() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            stored(2, "a", "s1", RowStatus.CREATED),
                            stored(3, "b", "s1", RowStatus.FAILED),
                            stored(4, "c", "s1", RowStatus.INVALID),
                            stored(5, "d", "s1", RowStatus.SKIPPED),
                            stored(6, "e", "s1", RowStatus.FAIL),
                            stored(-1, "b", "s1", RowStatus.DELETED)));

            // when
            RowSelection selection = RerunSelection.failedRowsOf(RUN, results);

            // then
            assertThat(List.of(2, 3, 4, 5, 6, 7))
                    .filteredOn(n -> selection.includes(row(n, "x", "", ""), HEADER))
                    .containsExactly(3, 4);
        }

        @Test
        void should_count_the_invalid_and_failed_rows_when_asked_how_many_a_rerun_takes() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            stored(2, "a", "s1", RowStatus.FAILED),
                            stored(3, "b", "s1", RowStatus.INVALID),
                            stored(4, "c", "s1", RowStatus.INVALID),
                            stored(5, "d", "s1", RowStatus.CREATED),
                            stored(6, "e", "s1", RowStatus.FAIL)));

            // when / then
            assertThat(RerunSelection.count(RUN, results)).isEqualTo(3);
        }
    }

    @Nested
    class ByName {
        @Test
        void should_take_a_corrected_row_by_qname_in_any_space_when_the_name_failed_once() {
            // given
            results.insert(
                    RUN,
                    List.of(stored(2, "pg-1", "s1", RowStatus.FAILED), stored(3, "pg-2", "s1", RowStatus.CREATED)));

            // when
            RowSelection selection = RerunSelection.failedNamesOf(RUN, results);

            // then
            assertThat(selection.includes(row(9, " pg-1 ", "s2", ""), HEADER)).isTrue();
            assertThat(selection.includes(row(2, "pg-2", "s1", ""), HEADER)).isFalse();
            assertThat(selection.includes(row(2, "pg-3", "s1", ""), HEADER)).isFalse();
        }

        @Test
        void should_ignore_deletions_and_rows_that_did_not_fail_when_collecting_names() {
            // given: pg-1 failed in s1 only; its deletion and a skipped row elsewhere are no failures
            results.insert(
                    RUN,
                    List.of(
                            stored(2, "pg-1", "s1", RowStatus.FAILED),
                            stored(3, "pg-1", "s2", RowStatus.SKIPPED),
                            stored(-1, "pg-1", "s3", RowStatus.DELETED)));

            // when
            RowSelection selection = RerunSelection.failedNamesOf(RUN, results);

            // then: one failed space, so the name alone decides
            assertThat(selection.includes(row(2, "pg-1", "s9", ""), HEADER)).isTrue();
        }

        @Test
        void should_take_only_the_failed_spaces_when_a_name_failed_in_several() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            stored(2, "pg-1", "s1", RowStatus.FAILED),
                            stored(3, "pg-1", "s2", RowStatus.INVALID),
                            stored(4, "pg-1", "s3", RowStatus.CREATED)));

            // when
            RowSelection selection = RerunSelection.failedNamesOf(RUN, results);

            // then
            assertThat(selection.includes(row(2, "pg-1", "s1", ""), HEADER)).isTrue();
            assertThat(selection.includes(row(3, "pg-1", " s2 ", ""), HEADER)).isTrue();
            assertThat(selection.includes(row(4, "pg-1", "s3", ""), HEADER)).isFalse();
        }

        @Test
        void should_match_a_stored_space_cell_by_spacename_when_it_could_not_be_resolved() {
            // given: the run stored the cell as written, since no space had that name
            results.insert(
                    RUN,
                    List.of(stored(2, "pg-1", "Finanse", RowStatus.FAILED), stored(3, "pg-1", "s2", RowStatus.FAILED)));

            // when
            RowSelection selection = RerunSelection.failedNamesOf(RUN, results);

            // then
            assertThat(selection.includes(row(2, "pg-1", "", "Finanse"), HEADER))
                    .isTrue();
        }

        @Test
        void should_match_the_personal_space_only_by_a_row_without_space_when_a_name_failed_in_several() {
            // given
            results.insert(
                    RUN, List.of(stored(2, "pg-1", "", RowStatus.FAILED), stored(3, "pg-1", "s2", RowStatus.FAILED)));
            RowSelection selection = RerunSelection.failedNamesOf(RUN, results);

            // when / then
            assertThat(selection.includes(row(2, "pg-1", "", ""), HEADER)).isTrue();
            assertThat(selection.includes(row(2, "pg-1", "s9", ""), HEADER)).isFalse();
            assertThat(selection
                            .withSpaces(new Spaces(Map.of("Sales", List.of("s7"))))
                            .includes(row(2, "pg-1", "", "Sales"), HEADER))
                    .isFalse();
        }

        @Test
        void should_not_take_a_row_without_space_when_the_personal_space_did_not_fail() {
            // given
            results.insert(
                    RUN, List.of(stored(2, "pg-1", "s1", RowStatus.FAILED), stored(3, "pg-1", "s2", RowStatus.FAILED)));

            // when / then
            assertThat(RerunSelection.failedNamesOf(RUN, results).includes(row(2, "pg-1", "", ""), HEADER))
                    .isFalse();
        }
    }

    @Nested
    class ByResolvedSpace {
        RowSelection selection;

        @BeforeEach
        void failedInTwoSpaces() {
            results.insert(
                    RUN, List.of(stored(2, "pg-1", "s1", RowStatus.FAILED), stored(3, "pg-1", "s2", RowStatus.FAILED)));
            selection = RerunSelection.failedNamesOf(RUN, results);
        }

        @Test
        void should_take_a_row_whose_spacename_resolves_to_a_failed_space_when_the_run_stored_the_id() {
            // given
            Spaces spaces = new Spaces(Map.of("Finance", List.of("s2"), "Sales", List.of("s7")));

            // when / then
            assertThat(selection.withSpaces(spaces).includes(row(2, "pg-1", "", "Finance"), HEADER))
                    .isTrue();
            assertThat(selection.withSpaces(spaces).includes(row(2, "pg-1", "", "Sales"), HEADER))
                    .isFalse();
        }

        @Test
        void should_not_resolve_spacenames_when_the_selection_has_no_space_look_ups() {
            assertThat(selection.includes(row(2, "pg-1", "", "Finance"), HEADER))
                    .isFalse();
        }

        @Test
        void should_not_resolve_the_spacename_when_the_row_names_a_space_id() {
            // given
            Spaces spaces = new Spaces(Map.of("Finance", List.of("s2")));

            // when
            boolean taken = selection.withSpaces(spaces).includes(row(2, "pg-1", "s9", "Finance"), HEADER);

            // then
            assertThat(taken).isFalse();
            assertThat(spaces.asked()).isEmpty();
        }

        @Test
        void should_take_the_row_without_asking_when_the_spacename_is_longer_than_any_space_name() {
            // given
            Spaces spaces = new Spaces(Map.of());
            String tooLong = "x".repeat(257);

            // when / then
            assertThat(selection.withSpaces(spaces).includes(row(2, "pg-1", "", tooLong), HEADER))
                    .isTrue();
            assertThat(spaces.asked()).isEmpty();
        }

        @Test
        void should_look_up_a_spacename_of_the_longest_length_a_space_may_have() {
            // given
            String longest = "x".repeat(256);
            Spaces spaces = new Spaces(Map.of());

            // when / then
            assertThat(selection.withSpaces(spaces).includes(row(2, "pg-1", "", longest), HEADER))
                    .isFalse();
            assertThat(spaces.asked()).containsExactly(longest);
        }

        @Test
        void should_take_the_row_when_the_tenant_refuses_the_space_look_up() {
            assertThat(selection.withSpaces(new Spaces(Map.of())).includes(row(2, "pg-1", "", "Refused"), HEADER))
                    .isTrue();
        }
    }
}

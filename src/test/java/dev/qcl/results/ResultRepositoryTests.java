package dev.qcl.results;

import static dev.qcl.results.ResultFixtures.database;
import static dev.qcl.results.ResultFixtures.deletion;
import static dev.qcl.results.ResultFixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The per-row results of runs, read and written in a real H2 job repository made by qcl's migrations. */
class ResultRepositoryTests {
    static final long RUN = 7;
    static final long OTHER_RUN = 8;

    @TempDir
    Path dir;

    ResultRepository results;
    JdbcTemplate jdbc;

    @BeforeEach
    void repository() {
        jdbc = database(dir);
        results = new ResultRepository(jdbc);
    }

    @Nested
    class Rows {
        @Test
        void should_read_back_every_field_of_a_result_when_it_was_inserted() {
            // given
            RowResult written =
                    new RowResult(2, "pg-1", "space-1", "postgres", RowStatus.FAILED, "c-1", 503, 6, "down");
            RowResult unsent = new RowResult(3, "pg-2", "", "postgres", RowStatus.INVALID, null, null, 0, "bad port");

            // when
            results.insert(RUN, List.of(written, unsent));

            // then
            assertThat(all(RUN)).containsExactly(written, unsent);
        }

        @Test
        void should_stream_the_rows_in_row_order_then_the_deletions_in_planned_order_when_a_run_pruned() {
            // given: inserted out of order, deletions under -1, -2, -3 in the order they were planned
            results.insert(RUN, List.of(result(4, RowStatus.CREATED, ""), deletion(-2, RowStatus.DELETED)));
            results.insert(RUN, List.of(deletion(-1, RowStatus.DELETED), result(2, RowStatus.SKIPPED, "")));
            results.insert(RUN, List.of(deletion(-3, RowStatus.DELETED), result(3, RowStatus.FAILED, "x")));
            results.insert(OTHER_RUN, List.of(result(2, RowStatus.CREATED, "")));

            // when
            List<Integer> rows = all(RUN).stream().map(RowResult::row).toList();

            // then
            assertThat(rows).containsExactly(2, 3, 4, -1, -2, -3);
            assertThat(results.deletions(RUN)).extracting(RowResult::row).containsExactly(-1, -2, -3);
        }

        @Test
        void should_keep_a_message_of_exactly_the_column_size_and_cut_none_shorter_when_stored() {
            // given
            String full = "m".repeat(ResultRepository.MESSAGE_LIMIT);

            // when
            results.insert(RUN, List.of(result(2, RowStatus.FAILED, full), result(3, RowStatus.FAILED, "short")));

            // then
            assertThat(all(RUN)).extracting(RowResult::message).containsExactly(full, "short");
        }
    }

    @Nested
    class Blocks {
        @Test
        void should_read_back_every_field_of_plain_results_and_store_only_the_others_one_by_one_when_inserted() {
            // given: texts that look like the block format, an empty one, a surrogate pair, a line end
            List<RowResult> chunk = List.of(
                    new RowResult(2, "a:1;2", "", "rest", RowStatus.CREATED, "c-2", 201, 1, "3:abc"),
                    new RowResult(3, "q;", "space-1", "postgres", RowStatus.FAILED, "", 503, 6, "down"),
                    new RowResult(4, "12;201;1;", "s\n2", "postgres", RowStatus.SKIPPED, "c-4", null, 0, "exists"),
                    new RowResult(5, "\uD83D\uDE00", "space-1", "snowflake", RowStatus.CREATED, "c-5", 201, 2, ""),
                    new RowResult(6, "u", "space-1", "postgres", RowStatus.UPDATED, "c-6", 200, 1, "changed: port"));
            List<RowResult> planned = List.of(
                    new RowResult(2, "p", "space-1", "postgres", RowStatus.CREATE, "", null, 0, ""),
                    new RowResult(3, "s", "space-1", "postgres", RowStatus.SKIP, "c-9", null, 0, "exists"));

            // when
            results.insert(RUN, chunk);
            results.insert(OTHER_RUN, planned);

            // then
            assertThat(all(RUN)).containsExactlyElementsOf(chunk);
            assertThat(all(OTHER_RUN)).containsExactlyElementsOf(planned);
            assertThat(jdbc.queryForList(
                            "SELECT ROW_NUM FROM QCL_ROW_RESULT WHERE RUN_ID = ? ORDER BY ROW_NUM", Integer.class, RUN))
                    .containsExactly(3, 6);
            assertThat(jdbc.queryForList(
                            "SELECT STATUS || ' ' || FIRST_ROW || '-' || LAST_ROW || ' ' || ROW_COUNT"
                                    + " FROM QCL_RESULT_BLOCK ORDER BY RUN_ID, FIRST_ROW",
                            String.class))
                    .containsExactly("CREATED 2-5 2", "SKIPPED 4-4 1", "CREATE 2-2 1", "SKIP 3-3 1");
        }

        @Test
        void should_give_every_row_once_in_row_order_when_many_chunks_mix_blocks_and_single_rows() {
            // given: more single rows and more blocks than one page of each, statuses mixed at random
            Random random = new Random(7);
            RowStatus[] statuses = {RowStatus.CREATED, RowStatus.SKIPPED, RowStatus.FAILED, RowStatus.INVALID};
            List<RowResult> inserted = new ArrayList<>();
            int row = 2;
            int chunks = ResultRepository.BLOCKS_PER_PAGE * 2 + 3;
            int chunkSize = ResultRepository.ROWS_PER_PAGE * 4 / chunks;
            for (int c = 0; c < chunks; c++) {
                List<RowResult> chunk = new ArrayList<>();
                for (int i = 0; i < chunkSize; i++) {
                    chunk.add(result(row++, statuses[random.nextInt(statuses.length)], "m" + random.nextInt(9)));
                }
                results.insert(RUN, chunk);
                inserted.addAll(chunk);
            }
            results.insert(RUN, List.of(deletion(-1, RowStatus.DELETED)));
            results.insert(OTHER_RUN, List.of(result(2, RowStatus.CREATED, "")));

            // when
            List<RowResult> streamed = all(RUN);

            // then
            assertThat(inserted.stream().filter(r -> r.status().isProblem()).count())
                    .isGreaterThan(ResultRepository.ROWS_PER_PAGE);
            assertThat(streamed.subList(0, inserted.size())).containsExactlyElementsOf(inserted);
            assertThat(streamed).hasSize(inserted.size() + 1).last().isEqualTo(deletion(-1, RowStatus.DELETED));
            assertThat(results.counts(RUN))
                    .containsEntry(
                            RowStatus.CREATED,
                            inserted.stream()
                                    .filter(r -> r.status() == RowStatus.CREATED)
                                    .count())
                    .containsEntry(
                            RowStatus.FAILED,
                            inserted.stream()
                                    .filter(r -> r.status() == RowStatus.FAILED)
                                    .count())
                    .containsEntry(RowStatus.DELETED, 1L);
        }

        @Test
        void should_give_a_chunks_rows_in_row_order_when_they_were_inserted_out_of_order() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            result(5, RowStatus.CREATED, ""),
                            result(3, RowStatus.CREATED, ""),
                            result(4, RowStatus.FAILED, "down")));

            // when / then
            assertThat(all(RUN)).extracting(RowResult::row).containsExactly(3, 4, 5);
        }

        @Test
        void should_split_a_chunks_rows_into_blocks_under_the_limit_and_read_them_all_back_when_their_text_is_long() {
            // given
            List<RowResult> chunk = new ArrayList<>();
            for (int row = 2; row < 102; row++) {
                chunk.add(result(row, RowStatus.CREATED, "x".repeat(ResultRepository.MESSAGE_LIMIT)));
            }

            // when
            results.insert(RUN, chunk);

            // then
            assertThat(all(RUN)).containsExactlyElementsOf(chunk);
            assertThat(results.counts(RUN)).containsEntry(RowStatus.CREATED, 100L);
            List<Integer> lengths =
                    jdbc.queryForList("SELECT LENGTH(BODY) FROM QCL_RESULT_BLOCK ORDER BY FIRST_ROW", Integer.class);
            assertThat(lengths)
                    .hasSizeGreaterThan(1)
                    .allSatisfy(length -> assertThat(length).isLessThanOrEqualTo(ResultBlocks.BODY_CHARS));
        }

        @Test
        void should_read_a_run_whose_results_are_all_single_rows_when_it_was_stored_before_blocks() {
            // given: as versions before V4 stored every result
            jdbc.update(
                    "INSERT INTO QCL_ROW_RESULT (RUN_ID, ROW_NUM, Q_NAME, SPACE, DATA_SOURCE_ID, STATUS, CONNECTION_ID, HTTP_STATUS, ATTEMPTS, MESSAGE) VALUES (?, 2, 'old', '', 'postgres', 'CREATED', 'c-1', 201, 1, '')",
                    RUN);
            results.insert(RUN, List.of(result(3, RowStatus.CREATED, "")));

            // when / then
            assertThat(all(RUN)).extracting(RowResult::row).containsExactly(2, 3);
            assertThat(results.counts(RUN)).containsEntry(RowStatus.CREATED, 2L);
        }
    }

    @Nested
    class Committed {
        @Test
        void should_tell_the_listener_each_chunks_rows_only_after_its_transaction_committed() {
            // given
            List<String> heard = new ArrayList<>();
            results.onCommitted((runId, rows) -> heard.add(runId + ":"
                    + rows.stream().map(r -> String.valueOf(r.row())).toList()));
            TransactionTemplate transaction = new TransactionTemplate(
                    new org.springframework.jdbc.datasource.DataSourceTransactionManager(jdbc.getDataSource()));

            // when
            transaction.executeWithoutResult(status -> {
                results.insert(RUN, List.of(result(2, RowStatus.CREATED, ""), result(3, RowStatus.FAILED, "x")));
                assertThat(heard).isEmpty();
            });
            transaction.executeWithoutResult(status -> {
                results.insert(RUN, List.of(result(4, RowStatus.CREATED, "")));
                status.setRollbackOnly();
            });
            results.insert(OTHER_RUN, List.of(result(2, RowStatus.SKIPPED, "")));

            // then: the rolled back chunk is neither heard of nor stored
            assertThat(heard).containsExactly(RUN + ":[2, 3]", OTHER_RUN + ":[2]");
            assertThat(all(RUN)).extracting(RowResult::row).containsExactly(2, 3);
        }
    }

    @Nested
    class Counts {
        @Test
        void should_count_every_status_with_zero_for_those_absent_when_a_run_has_results() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            result(2, RowStatus.CREATED, ""),
                            result(3, RowStatus.CREATED, ""),
                            result(4, RowStatus.FAILED, "down")));
            results.insert(OTHER_RUN, List.of(result(2, RowStatus.CREATED, "")));

            // when
            Map<RowStatus, Long> counts = results.counts(RUN);

            // then
            assertThat(counts).hasSize(RowStatus.values().length);
            assertThat(counts).containsEntry(RowStatus.CREATED, 2L).containsEntry(RowStatus.FAILED, 1L);
            assertThat(counts).containsEntry(RowStatus.SKIPPED, 0L).containsEntry(RowStatus.DELETE, 0L);
        }
    }

    @Nested
    class Problems {
        @BeforeEach
        void problemRows() {
            results.insert(
                    RUN,
                    List.of(
                            result(2, RowStatus.FAILED, "down"),
                            result(3, RowStatus.CREATED, ""),
                            result(4, RowStatus.INVALID, "bad port"),
                            result(5, RowStatus.FAIL, "already exists"),
                            result(6, RowStatus.FAILED, "down"),
                            result(7, RowStatus.SKIPPED, "exists"),
                            result(8, RowStatus.FAILED, "down")));
        }

        @Test
        void should_give_the_invalid_failed_and_planned_failures_in_row_order_when_streamed() {
            try (Stream<RowResult> problems = results.problems(RUN)) {
                assertThat(problems.map(RowResult::row)).containsExactly(2, 4, 5, 6, 8);
            }
        }

        @Test
        void should_merge_the_problem_statuses_in_row_order_when_each_takes_more_than_a_page() {
            // given: after the rows above, three pages' worth of each problem status, interleaved
            List<RowResult> more = new ArrayList<>();
            RowStatus[] cycle = {RowStatus.INVALID, RowStatus.FAILED, RowStatus.CREATED, RowStatus.FAIL};
            for (int i = 0; i < ResultRepository.ROWS_PER_PAGE * 4 + 7; i++) {
                more.add(result(100 + i, cycle[i % cycle.length], "m"));
            }
            results.insert(RUN, more);

            // when
            List<Integer> rows;
            try (Stream<RowResult> problems = results.problems(RUN)) {
                rows = problems.map(RowResult::row).toList();
            }

            // then
            List<Integer> expected = new ArrayList<>(List.of(2, 4, 5, 6, 8));
            more.stream().filter(r -> r.status().isProblem()).forEach(r -> expected.add(r.row()));
            assertThat(rows).containsExactlyElementsOf(expected);
            assertThat(results.firstProblems(RUN, 7))
                    .extracting(RowResult::row)
                    .containsExactly(2, 4, 5, 6, 8, 100, 101);
        }

        @Test
        void should_give_only_the_first_problems_when_limited() {
            assertThat(results.firstProblems(RUN, 3)).extracting(RowResult::row).containsExactly(2, 4, 5);
        }

        @Test
        void should_rank_the_messages_of_problem_rows_by_frequency_then_text_when_asked_for_the_top() {
            assertThat(results.topMessages(RUN, 2))
                    .containsExactly(Map.entry("down", 3L), Map.entry("already exists", 1L));
            assertThat(results.topMessages(RUN, 5))
                    .extracting(Map.Entry::getKey)
                    .containsExactly("down", "already exists", "bad port");
        }
    }

    @Nested
    class Changes {
        @Test
        void should_give_the_updated_rows_then_the_deletions_up_to_the_limit_when_a_run_changed_connections() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            result(2, RowStatus.UPDATED, "changed: port"),
                            result(3, RowStatus.CREATED, ""),
                            result(4, RowStatus.UPDATE, "changed: host"),
                            deletion(-1, RowStatus.DELETED),
                            deletion(-2, RowStatus.DELETED)));

            // when / then
            assertThat(results.firstChanges(RUN, 10)).extracting(RowResult::row).containsExactly(2, 4, -1, -2);
            assertThat(results.firstChanges(RUN, 3)).extracting(RowResult::row).containsExactly(2, 4, -1);
            assertThat(results.firstChanges(RUN, 2)).extracting(RowResult::row).containsExactly(2, 4);
            assertThat(results.firstChanges(RUN, 1)).extracting(RowResult::row).containsExactly(2);
        }
    }

    @Nested
    class Deletions {
        @Test
        void should_record_a_deletions_outcome_in_place_and_leave_input_rows_alone_when_updated() {
            // given
            results.insert(RUN, List.of(result(2, RowStatus.CREATED, ""), deletion(-1, RowStatus.DELETE)));
            RowResult sent = new RowResult(-1, "old-1", "space-1", "postgres", RowStatus.DELETED, "d1", 204, 2, "gone");

            // when
            results.updateDeletion(RUN, sent);
            results.updateDeletion(
                    RUN, new RowResult(2, "q-2", "", "", RowStatus.FAILED, "", 500, 1, "not a deletion"));

            // then
            assertThat(results.deletions(RUN)).containsExactly(sent);
            assertThat(all(RUN).get(0).status()).isEqualTo(RowStatus.CREATED);
        }

        @Test
        void should_forget_only_the_named_planned_deletion_when_removed() {
            // given
            results.insert(
                    RUN,
                    List.of(
                            result(2, RowStatus.CREATED, ""),
                            deletion(-1, RowStatus.DELETE),
                            deletion(-2, RowStatus.DELETE)));

            // when
            results.removeDeletion(RUN, -1);
            results.removeDeletion(RUN, 2);

            // then
            assertThat(all(RUN)).extracting(RowResult::row).containsExactly(2, -2);
        }
    }

    @Nested
    class Timeline {
        @Test
        void should_give_a_runs_samples_in_time_order_when_they_were_added() {
            // given
            Instant start = Instant.parse("2026-11-30T08:00:00Z");
            results.addSample(RUN, new TimelineSample(start.plusSeconds(5), 40, 1));
            results.addSample(RUN, new TimelineSample(start, 10, 0));
            results.addSample(OTHER_RUN, new TimelineSample(start, 99, 9));

            // when / then
            assertThat(results.timeline(RUN))
                    .containsExactly(new TimelineSample(start, 10, 0), new TimelineSample(start.plusSeconds(5), 40, 1));
        }
    }

    private List<RowResult> all(long runId) {
        List<RowResult> all = new ArrayList<>();
        results.forEach(runId, all::add);
        return all;
    }
}

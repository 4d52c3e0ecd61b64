package dev.qcl.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The text form of a block of plain results, as the V4 migration describes it. */
class ResultBlocksTests {

    @Test
    void should_write_the_example_of_the_migration_when_a_row_is_encoded() {
        // given
        RowResult row = new RowResult(12, "pg-12", "space-1", "postgres", RowStatus.CREATED, "c-12", 201, 1, "");

        // when
        List<ResultBlocks.Block> blocks = ResultBlocks.encode(RowStatus.CREATED, List.of(row));

        // then
        assertThat(blocks)
                .containsExactly(new ResultBlocks.Block(
                        12, 12, RowStatus.CREATED, 1, "12;201;1;5:pg-127:space-18:postgres4:c-120:"));
    }

    @Test
    void should_keep_only_plain_outcomes_of_input_rows_in_blocks() {
        assertThat(java.util.Arrays.stream(RowStatus.values())
                        .filter(s -> ResultBlocks.isBlockable(new RowResult(2, "q", "", "", s, "", null, 0, ""))))
                .containsExactly(RowStatus.CREATED, RowStatus.SKIPPED, RowStatus.CREATE, RowStatus.SKIP);
        assertThat(ResultBlocks.isBlockable(new RowResult(-1, "q", "", "", RowStatus.CREATED, "", null, 0, "")))
                .isFalse();
        assertThat(ResultBlocks.isBlockable(new RowResult(0, "q", "", "", RowStatus.CREATED, "", null, 0, "")))
                .isFalse();
        assertThat(ResultBlocks.isBlockable(new RowResult(1, "q", "", "", RowStatus.SKIP, "", null, 0, "")))
                .isTrue();
    }

    @Test
    void should_fill_each_block_up_to_the_limit_and_start_the_next_at_the_row_that_would_pass_it() {
        // given: rows of the longest message a result keeps
        String message = "m".repeat(ResultRepository.MESSAGE_LIMIT);
        List<RowResult> rows = java.util.stream.IntStream.range(2, 130)
                .mapToObj(r -> new RowResult(r, "q", "", "ds", RowStatus.SKIP, "", null, 0, message))
                .toList();

        // when
        List<ResultBlocks.Block> blocks = ResultBlocks.encode(RowStatus.SKIP, rows);

        // then: full blocks, none over the limit, every row once in order
        assertThat(blocks).hasSizeGreaterThan(2);
        for (int i = 0; i < blocks.size(); i++) {
            ResultBlocks.Block block = blocks.get(i);
            List<RowResult> decoded = ResultBlocks.decode(block.status(), block.body());
            assertThat(block.body().length()).isLessThanOrEqualTo(ResultBlocks.BODY_CHARS);
            assertThat(block.rowCount()).isEqualTo(decoded.size());
            assertThat(block.firstRow()).isEqualTo(decoded.get(0).row());
            assertThat(block.lastRow())
                    .isEqualTo(decoded.get(decoded.size() - 1).row());
            if (i + 1 < blocks.size()) {
                int nextRowChars = ResultBlocks.encode(
                                RowStatus.SKIP,
                                List.of(rows.get(blocks.get(i + 1).firstRow() - 2)))
                        .get(0)
                        .body()
                        .length();
                assertThat(block.body().length() + nextRowChars).isGreaterThan(ResultBlocks.BODY_CHARS);
            }
        }
        assertThat(blocks.stream()
                        .flatMap(b -> ResultBlocks.decode(b.status(), b.body()).stream())
                        .toList())
                .containsExactlyElementsOf(rows);
    }

    @Test
    void should_keep_a_body_of_exactly_the_limit_in_one_block_and_make_no_block_of_no_rows() {
        // given: rows whose bodies add up to exactly the limit (two-digit rows, four-digit message lengths)
        List<RowResult> rows = new java.util.ArrayList<>();
        int full = bodyLength(create(10, 4000));
        int base = bodyLength(create(10, 1000)) - 1000;
        int left = ResultBlocks.BODY_CHARS;
        int row = 10;
        while (left >= 2 * full) {
            rows.add(create(row++, 4000));
            left -= full;
        }
        int first = (left - 2 * base) / 2;
        rows.add(create(row++, first));
        rows.add(create(row, left - 2 * base - first));
        int length = rows.stream().mapToInt(ResultBlocksTests::bodyLength).sum();

        // when
        List<ResultBlocks.Block> blocks = ResultBlocks.encode(RowStatus.CREATE, rows);

        // then
        assertThat(length).isEqualTo(ResultBlocks.BODY_CHARS);
        assertThat(blocks).hasSize(1);
        assertThat(blocks.get(0).body()).hasSize(ResultBlocks.BODY_CHARS);
        assertThat(ResultBlocks.encode(RowStatus.CREATE, List.of())).isEmpty();
    }

    private static RowResult create(int row, int messageChars) {
        return new RowResult(row, "q", "", "ds", RowStatus.CREATE, "", null, 0, "m".repeat(messageChars));
    }

    private static int bodyLength(RowResult row) {
        return ResultBlocks.encode(row.status(), List.of(row)).get(0).body().length();
    }

    @Test
    void should_say_the_block_is_damaged_and_where_when_its_text_is_cut_short() {
        assertThatThrownBy(() -> ResultBlocks.decode(RowStatus.CREATED, "12;201;1;5:pg-127:space-18:postgres4:c-12"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("damaged")
                .hasMessageContaining("character 41");
        assertThatThrownBy(() -> ResultBlocks.decode(RowStatus.CREATED, "12;x;1;"))
                .hasMessageContaining("expected a number");
        assertThatThrownBy(() -> ResultBlocks.decode(RowStatus.CREATED, "12;201;1;9:pg"))
                .hasMessageContaining("a text of 9 characters");
    }

    @Test
    void should_say_a_number_is_missing_when_a_block_starts_without_its_row_number() {
        assertThatThrownBy(() -> ResultBlocks.decode(RowStatus.CREATED, ";201;1;"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected a number at character 1");
    }
}

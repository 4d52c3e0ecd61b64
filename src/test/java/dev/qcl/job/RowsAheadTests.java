package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.connector.RowCheck;
import dev.qcl.connector.Violation;
import dev.qcl.csv.InputFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Reading and validating ahead in a thread of its own (dry runs): same rows, same order, same positions. */
class RowsAheadTests {
    /** A sheet of {@code rows} rows, every third record blank (consumed, but no row), failing at {@code failAt}. */
    static final class Sheet implements RowsAhead.Rows {
        final AtomicLong position = new AtomicLong();
        final int rows;
        final int failAt;
        int row;

        Sheet(int rows, int failAt) {
            this.rows = rows;
            this.failAt = failAt;
        }

        @Override
        public RowCheck next() {
            while (row < rows) {
                row++;
                position.incrementAndGet();
                if (row == failAt) {
                    throw InputFileException.malformed(Path.of("sheet.csv"), row + 1, "broken record");
                }
                if (row % 3 != 0) {
                    return check(row + 1);
                }
            }
            // the blank records at the end are consumed before the end is seen
            position.addAndGet(2);
            return null;
        }
    }

    static RowCheck check(int row) {
        return new RowCheck.Invalid(row, "c-" + row, "postgres", "Finance", List.of(new Violation("port", "bad")));
    }

    @Nested
    class WhenTheSheetIsRead {
        @Test
        void should_hand_over_every_row_in_sheet_order_with_the_position_after_it_when_reading_ahead()
                throws Exception {
            Sheet sheet = new Sheet(10_000, -1);
            List<Integer> rows = new ArrayList<>();
            List<Long> positions = new ArrayList<>();

            try (RowsAhead ahead = RowsAhead.start(sheet, sheet.position::get, 0)) {
                for (RowCheck check = ahead.next(); check != null; check = ahead.next()) {
                    rows.add(((RowCheck.Invalid) check).row());
                    positions.add(ahead.position());
                }
                assertThat(ahead.position()).isEqualTo(10_002);
                assertThat(ahead.next()).isNull();
            }

            assertThat(rows).hasSize(6_667).startsWith(2, 3, 5, 6, 8).endsWith(9_998, 9_999, 10_001);
            // the position after a row is its record number: a restart resumes right after it
            assertThat(positions).startsWith(1L, 2L, 4L, 5L, 7L);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(positions.get(i)).isEqualTo(rows.get(i) - 1L);
            }
        }

        @Test
        void should_start_from_the_position_a_restart_resumed_at_when_nothing_was_handed_over_yet() {
            Sheet sheet = new Sheet(0, -1);

            try (RowsAhead ahead = RowsAhead.start(sheet, sheet.position::get, 500)) {
                assertThat(ahead.position()).isEqualTo(500);
            }
        }
    }

    @Nested
    class WhenReadingFails {
        @Test
        void should_hand_over_the_rows_before_the_failure_and_then_throw_it_where_that_row_is_read() throws Exception {
            Sheet sheet = new Sheet(1_000, 700);
            List<Integer> rows = new ArrayList<>();

            try (RowsAhead ahead = RowsAhead.start(sheet, sheet.position::get, 0)) {
                assertThatThrownBy(() -> {
                            for (RowCheck check = ahead.next(); check != null; check = ahead.next()) {
                                rows.add(((RowCheck.Invalid) check).row());
                            }
                        })
                        .isInstanceOf(InputFileException.class)
                        .hasMessageContaining("row 701");
                assertThat(ahead.position()).isEqualTo(698);
            }

            assertThat(rows).hasSize(466).endsWith(698, 699);
        }
    }

    @Nested
    class WhenTheStepEndsEarly {
        @Test
        void should_stop_reading_ahead_when_closed_before_the_end() throws Exception {
            Sheet sheet = new Sheet(Integer.MAX_VALUE, -1);
            RowsAhead ahead = RowsAhead.start(sheet, sheet.position::get, 0);
            assertThat(ahead.next()).isNotNull();

            ahead.close();
            long readWhenClosed = sheet.position.get();

            // a few blocks ahead at most, and nothing more after closing
            assertThat(readWhenClosed).isLessThan(100_000);
            assertThat(sheet.position.get()).isEqualTo(readWhenClosed);
        }
    }
}

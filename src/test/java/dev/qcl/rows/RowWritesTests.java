package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.ResultFixtures;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowWrites.Entry;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write journal: what a run sent, row by row, in a real H2 job repository. */
class RowWritesTests {
    static final long RUN = 5;

    @TempDir
    Path dir;

    RowWrites journal;

    @BeforeEach
    void repository() {
        journal = new RowWrites(ResultFixtures.database(dir));
    }

    @Nested
    class Journal {
        @Test
        void should_hold_nothing_for_a_row_when_nothing_was_sent() {
            assertThat(journal.find(RUN, 2)).isEmpty();
        }

        @Test
        void should_hold_a_create_about_to_be_sent_without_an_answer_when_sending() {
            // when
            journal.sending(RUN, 2, RowWrites.CREATING, null);
            journal.sending(RUN, 3, RowWrites.UPDATING, "c-3");

            // then
            assertThat(journal.find(RUN, 2)).contains(new Entry("CREATING", "", null, 0, ""));
            assertThat(journal.find(RUN, 3)).contains(new Entry("UPDATING", "c-3", null, 0, ""));
            assertThat(journal.find(RUN + 1, 2)).isEmpty();
        }

        @Test
        void should_replace_the_sending_entry_with_the_answer_when_the_tenant_answered() {
            // given
            journal.sending(RUN, 2, RowWrites.CREATING, null);

            // when
            journal.answered(
                    RUN, new RowResult(2, "pg-1", "s1", "postgres", RowStatus.CREATED, "c-9", 201, 2, "after a 503"));

            // then
            assertThat(journal.find(RUN, 2)).contains(new Entry("CREATED", "c-9", 201, 2, "after a 503"));
        }

        @Test
        void should_forget_only_that_row_when_nothing_was_written_after_all() {
            // given
            journal.sending(RUN, 2, RowWrites.CREATING, null);
            journal.sending(RUN, 3, RowWrites.CREATING, null);

            // when
            journal.forget(RUN, 2);

            // then
            assertThat(journal.find(RUN, 2)).isEmpty();
            assertThat(journal.find(RUN, 3)).isPresent();
        }

        @Test
        void should_keep_a_message_of_exactly_the_column_size_as_it_is() {
            // given
            String full = "m".repeat(ResultRepository.MESSAGE_LIMIT);

            // when
            journal.answered(RUN, new RowResult(2, "pg-1", "s1", "postgres", RowStatus.UPDATED, "c-1", 200, 1, full));

            // then
            assertThat(journal.find(RUN, 2)).map(Entry::message).contains(full);
        }
    }

    @Nested
    class LongMessages {
        @Test
        void should_cut_a_message_longer_than_the_column_and_mark_the_cut_when_the_answer_is_journaled() {
            // given
            String longer = "m".repeat(ResultRepository.MESSAGE_LIMIT) + "tail";

            // when
            journal.answered(RUN, new RowResult(2, "pg-1", "s1", "postgres", RowStatus.UPDATED, "c-1", 200, 1, longer));

            // then
            String stored = journal.find(RUN, 2).orElseThrow().message();
            assertThat(stored)
                    .hasSize(ResultRepository.MESSAGE_LIMIT)
                    .endsWith("m…")
                    .doesNotContain("tail");
        }

        @Test
        void should_cut_a_long_message_when_it_replaces_an_entry_too() {
            // given
            journal.sending(RUN, 2, RowWrites.UPDATING, "c-1");
            String longer = "n".repeat(ResultRepository.MESSAGE_LIMIT + 1);

            // when
            journal.answered(RUN, new RowResult(2, "pg-1", "s1", "postgres", RowStatus.UPDATED, "c-1", 200, 3, longer));

            // then
            assertThat(journal.find(RUN, 2))
                    .contains(
                            new Entry("UPDATED", "c-1", 200, 3, "n".repeat(ResultRepository.MESSAGE_LIMIT - 1) + "…"));
        }
    }

    @Nested
    class Answered {
        @Test
        void should_count_only_a_create_or_update_the_tenant_accepted_as_answered() {
            assertThat(new Entry("CREATED", "c-1", 201, 1, "").answered()).isTrue();
            assertThat(new Entry("UPDATED", "c-1", 200, 1, "").answered()).isTrue();
            assertThat(new Entry("CREATING", "", null, 0, "").answered()).isFalse();
            assertThat(new Entry("UPDATING", "c-1", null, 0, "").answered()).isFalse();
            assertThat(new Entry("FAILED", "", 400, 1, "").answered()).isFalse();
        }
    }
}

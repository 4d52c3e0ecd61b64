package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.connector.RowCheck;
import dev.qcl.connector.Violation;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Sending ahead of the chunk: the senders get rows beyond the chunk under way, while the step still
 * sees rows in order, one result each, and a restart position that only counts rows handed to it.
 * The senders here are a queue the test runs by hand, so every interleaving is chosen, not timed.
 */
class SendAheadTests {
    private final Rows rows = new Rows(10);
    private final List<Runnable> queued = new ArrayList<>();
    private final List<Integer> sent = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    private SendAhead sendAhead(int depth) {
        return opened(
                check -> {
                    sent.add(check.row());
                    return result(check.row());
                },
                depth);
    }

    /** Opened on the ten rows, one row ahead, its processing ending in {@code failure} (unchecked). */
    private SendAhead failingWith(Throwable failure) {
        return opened(
                check -> {
                    if (failure instanceof Error error) {
                        throw error;
                    }
                    throw (RuntimeException) failure;
                },
                1);
    }

    private SendAhead opened(ItemProcessor<RowCheck, RowResult> processor, int depth) {
        SendAhead ahead = new SendAhead(rows, processor, queued::add, stopping::get, depth);
        ahead.open(new ExecutionContext());
        return ahead;
    }

    @Nested
    class Sending {
        @Test
        void should_hand_rows_beyond_the_chunk_to_the_senders_when_the_chunk_is_read() throws Exception {
            // given
            SendAhead ahead = sendAhead(4);

            // when: the step reads a chunk of three rows
            List<Integer> handed = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                handed.add(ahead.read().check().row());
            }

            // then: the three rows and the four after them are with the senders
            assertThat(handed).containsExactly(1, 2, 3);
            assertThat(queued).hasSize(7);
            assertThat(rows.read).isEqualTo(7);
        }

        @Test
        void should_give_each_row_its_own_result_in_row_order_when_the_senders_finish_out_of_order() throws Exception {
            // given
            SendAhead ahead = sendAhead(2);
            SendAhead.Sending first = ahead.read();
            SendAhead.Sending second = ahead.read();

            // when: the senders run the later rows first
            for (int i = queued.size() - 1; i >= 0; i--) {
                queued.get(i).run();
            }

            // then
            assertThat(sent).containsExactly(4, 3, 2, 1);
            assertThat(ahead.process(first).row()).isEqualTo(1);
            assertThat(ahead.process(second).row()).isEqualTo(2);
        }

        @Test
        void should_read_every_row_once_and_then_end_when_the_input_ends() throws Exception {
            // given
            SendAhead ahead = sendAhead(3);

            // when
            List<Integer> handed = new ArrayList<>();
            for (SendAhead.Sending s = ahead.read(); s != null; s = ahead.read()) {
                handed.add(s.check().row());
            }

            // then
            assertThat(handed)
                    .containsExactlyElementsOf(
                            IntStream.rangeClosed(1, 10).boxed().toList());
            assertThat(queued).hasSize(10);
            assertThat(ahead.read()).isNull();
        }

        @Test
        void should_pass_on_the_senders_failure_when_the_row_is_processed() throws Exception {
            // given
            RunInterruptedException refused = RunInterruptedException.notSent("row 1");
            SendAhead ahead = failingWith(refused);
            SendAhead.Sending first = ahead.read();

            // when
            queued.forEach(Runnable::run);

            // then: the step sees the sender's own exception, as it did when it processed the row itself
            assertThatThrownBy(() -> ahead.process(first)).isSameAs(refused);
        }

        @Test
        void should_pass_on_an_error_of_the_sender_as_it_is_when_the_row_is_processed() throws Exception {
            // given
            StackOverflowError broken = new StackOverflowError("sender broke");
            SendAhead ahead = failingWith(broken);
            SendAhead.Sending first = ahead.read();

            // when
            queued.forEach(Runnable::run);

            // then
            assertThatThrownBy(() -> ahead.process(first)).isSameAs(broken);
        }

        @Test
        void should_refuse_a_depth_below_one() {
            assertThatThrownBy(() -> new SendAhead(rows, check -> null, queued::add, stopping::get, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Restarting {
        @Test
        void should_save_the_position_of_the_last_row_handed_to_the_step_when_rows_were_read_ahead() throws Exception {
            // given
            SendAhead ahead = sendAhead(4);
            ahead.read();
            ahead.read();

            // when
            ExecutionContext saved = new ExecutionContext();
            ahead.update(saved);

            // then: six rows were read (two handed out, four ahead); a restart reads from the third
            assertThat(rows.read).isEqualTo(6);
            assertThat(saved.getLong("position")).isEqualTo(2);
        }

        @Test
        void should_save_the_opened_position_when_nothing_was_handed_out_yet() {
            // given
            Rows resumed = new Rows(10);
            SendAhead ahead = new SendAhead(resumed, check -> null, queued::add, stopping::get, 4);
            ExecutionContext context = new ExecutionContext();
            context.putLong("position", 5);
            ahead.open(context);

            // when
            ExecutionContext saved = new ExecutionContext();
            ahead.update(saved);

            // then
            assertThat(saved.getLong("position")).isEqualTo(5);
        }

        @Test
        void should_read_again_from_the_saved_position_and_forget_the_rows_read_ahead_when_reopened_after_close()
                throws Exception {
            // given: row 1 handed to the step, rows 2 to 4 read ahead, then the step closes
            SendAhead ahead = sendAhead(3);
            ahead.read();
            ExecutionContext saved = new ExecutionContext();
            ahead.update(saved);
            ahead.close();
            queued.clear();

            // when
            ahead.open(saved);
            SendAhead.Sending second = ahead.read();
            queued.forEach(Runnable::run);

            // then: row 2 is read and sent anew, not taken from before the close
            assertThat(second.check().row()).isEqualTo(2);
            assertThat(ahead.process(second).row()).isEqualTo(2);
            assertThat(sent).containsExactly(2, 3, 4, 5);
        }

        @Test
        void should_fail_after_the_rows_before_it_when_reading_fails_ahead() throws Exception {
            // given: the fourth row cannot be read
            rows.failAt = 4;
            SendAhead ahead = sendAhead(5);

            // when / then: the step gets rows 1 to 3 first, then the failure where the row was
            assertThat(ahead.read().check().row()).isEqualTo(1);
            assertThat(ahead.read().check().row()).isEqualTo(2);
            assertThat(ahead.read().check().row()).isEqualTo(3);
            assertThatThrownBy(ahead::read).isInstanceOf(ItemStreamException.class);
            ExecutionContext saved = new ExecutionContext();
            ahead.update(saved);
            assertThat(saved.getLong("position")).isEqualTo(3);
        }
    }

    @Nested
    class Stopping {
        @Test
        void should_send_only_the_rows_handed_to_the_step_when_the_run_is_asked_to_stop() throws Exception {
            // given: the chunk under way has rows 1 and 2; rows 3 to 5 were read ahead
            SendAhead ahead = sendAhead(3);
            SendAhead.Sending first = ahead.read();
            SendAhead.Sending second = ahead.read();

            // when
            stopping.set(true);
            queued.forEach(Runnable::run);

            // then
            assertThat(sent).containsExactly(1, 2);
            assertThat(ahead.process(first).row()).isEqualTo(1);
            assertThat(ahead.process(second).row()).isEqualTo(2);
            SendAhead.Sending third = ahead.read();
            assertThatThrownBy(() -> ahead.process(third))
                    .isInstanceOf(RunInterruptedException.class)
                    .hasMessageContaining("row 3 was not sent");
        }

        @Test
        void should_never_send_rows_no_chunk_took_when_the_step_closes() throws Exception {
            // given
            SendAhead ahead = sendAhead(3);
            ahead.read();
            queued.get(0).run();

            // when: the step ends (stopped or failed) with rows 2 to 4 still queued
            ahead.close();
            queued.forEach(Runnable::run);

            // then
            assertThat(sent).containsExactly(1);
            assertThat(rows.closed).isTrue();
        }
    }

    @Nested
    class Closing {
        final CountDownLatch onTheWire = new CountDownLatch(1);
        final CountDownLatch answer = new CountDownLatch(1);
        final List<String> events = new CopyOnWriteArrayList<>();
        Thread sender;

        /** Row 1 handed to the step; row 2, read ahead, on the wire waiting for the tenant's answer; row 3 queued. */
        SendAhead rowOnTheWire() throws Exception {
            Rows closing = new Rows(10) {
                @Override
                public void close() {
                    events.add("closed");
                }
            };
            SendAhead ahead = new SendAhead(
                    closing,
                    check -> {
                        onTheWire.countDown();
                        answer.await();
                        events.add("answered row " + check.row());
                        return result(check.row());
                    },
                    queued::add,
                    stopping::get,
                    2);
            ahead.open(new ExecutionContext());
            ahead.read();
            sender = new Thread(queued.get(1), "sender");
            sender.start();
            assertThat(onTheWire.await(10, TimeUnit.SECONDS)).isTrue();
            return ahead;
        }

        @Test
        void should_wait_for_the_answer_of_a_row_on_the_wire_when_the_step_closes() throws Exception {
            // given
            SendAhead ahead = rowOnTheWire();

            // when: the step closes (stopped or failed) while row 2 waits for its answer
            Thread closer = new Thread(ahead::close, "closer");
            closer.start();
            while (closer.getState() == Thread.State.NEW || closer.getState() == Thread.State.RUNNABLE) {
                Thread.onSpinWait();
            }
            answer.countDown();
            closer.join(10_000);

            // then: closing returned after the answer, and row 3 never went out
            queued.get(2).run();
            assertThat(events).containsExactly("answered row 2", "closed");
        }

        @Test
        void should_stop_waiting_and_keep_the_interrupt_when_interrupted_while_a_row_is_on_the_wire() throws Exception {
            // given
            SendAhead ahead = rowOnTheWire();

            // when: the step's thread is interrupted, then closes
            Thread.currentThread().interrupt();
            ahead.close();

            // then: it did not wait for the answer, and the interrupt is still there for the step
            boolean interrupted = Thread.interrupted();
            List<String> whenClosed = List.copyOf(events);
            answer.countDown();
            sender.join(10_000);
            assertThat(interrupted).isTrue();
            assertThat(whenClosed).containsExactly("closed");
        }
    }

    private static RowResult result(int row) {
        return new RowResult(row, "c" + row, "space", "postgres", RowStatus.CREATED, "id-" + row, 201, 1, "");
    }

    /** Ten invalid rows (the type does not matter here) with a restartable position, like the CSV reader. */
    private static class Rows implements ItemStreamReader<RowCheck> {
        private final int count;
        private int read;
        private int failAt;
        private boolean closed;

        Rows(int count) {
            this.count = count;
        }

        @Override
        public void open(ExecutionContext context) {
            read = (int) context.getLong("position", 0);
        }

        @Override
        public RowCheck read() {
            if (read + 1 == failAt) {
                throw new ItemStreamException("row " + failAt + " cannot be read");
            }
            if (read == count) {
                return null;
            }
            read++;
            return new RowCheck.Invalid(
                    read, "c" + read, "postgres", "space", List.of(new Violation("host", "is required")));
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong("position", read);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}

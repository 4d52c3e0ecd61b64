package dev.qcl.rows;

import dev.qcl.connector.RowCheck;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.results.RowResult;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Keeps every sender busy while a row waits in backoff (issue 9): rows are handed to the senders as
 * soon as they are read and validated, up to {@code depth} rows ahead of the chunk being filled, so a
 * slow row holds up only the commit of its own chunk, never the sending of the rows after it.
 *
 * <p>What the step sees is unchanged: the reader hands out rows in sheet order, the processor waits
 * for each row's result, and the writer stores a chunk's results in the chunk's transaction, so a
 * row has exactly one result. The reader's saved position is that of the last row handed to the
 * step, not of the last row read: a restart reads the rows of an uncommitted chunk and the rows sent
 * ahead of it again, and the write journal tells which of them this run already wrote (contract
 * section 5.7). When the run is stopping, rows not yet handed to a chunk are not sent.
 */
final class SendAhead implements ItemStreamReader<SendAhead.Sending>, ItemProcessor<SendAhead.Sending, RowResult> {

    /** A row the senders have, and where the reader stood after reading it. */
    static final class Sending {
        private final RowCheck check;
        private final Map<String, Object> positionAfter;
        private final AtomicBoolean handedOut = new AtomicBoolean();
        // taken by the sender that starts the row or by close(), whichever comes first
        private final AtomicBoolean claimed = new AtomicBoolean();
        private FutureTask<RowResult> result;

        private Sending(RowCheck check, Map<String, Object> positionAfter) {
            this.check = check;
            this.positionAfter = positionAfter;
        }

        RowCheck check() {
            return check;
        }
    }

    private final ItemStreamReader<RowCheck> rows;
    private final ItemProcessor<RowCheck, RowResult> processor;
    private final Executor senders;
    private final BooleanSupplier stopping;
    private final int depth;
    private final Deque<Sending> ahead = new ArrayDeque<>();
    private Map<String, Object> handedPosition = Map.of();
    private Exception readFailure;
    private boolean exhausted;

    /**
     * @param rows the validated rows, in sheet order
     * @param processor what sends one row and makes its result
     * @param senders the threads that run {@code processor}
     * @param stopping true once the run is asked to stop
     * @param depth how many rows may be read and sent ahead of the row handed to the step last
     */
    SendAhead(
            ItemStreamReader<RowCheck> rows,
            ItemProcessor<RowCheck, RowResult> processor,
            Executor senders,
            BooleanSupplier stopping,
            int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, got " + depth);
        }
        this.rows = rows;
        this.processor = processor;
        this.senders = senders;
        this.stopping = stopping;
        this.depth = depth;
    }

    @Override
    public void open(ExecutionContext context) {
        rows.open(context);
        handedPosition = positionOf(rows);
    }

    @Override
    public Sending read() throws Exception {
        fill();
        Sending next = ahead.poll();
        if (next == null) {
            if (readFailure != null) {
                Exception failure = readFailure;
                readFailure = null;
                throw failure;
            }
            return null;
        }
        next.handedOut.set(true);
        handedPosition = next.positionAfter;
        return next;
    }

    /** Reads until {@code depth} rows wait behind the next one, each handed to the senders at once. */
    private void fill() {
        while (!exhausted && ahead.size() <= depth) {
            RowCheck check;
            try {
                check = rows.read();
            } catch (Exception e) {
                // the rows before the failure go through first: the step fails where it did without sending ahead
                readFailure = e;
                exhausted = true;
                return;
            }
            if (check == null) {
                exhausted = true;
                return;
            }
            Sending sending = new Sending(check, positionOf(rows));
            sending.result = new FutureTask<>(() -> send(sending));
            ahead.add(sending);
            senders.execute(sending.result);
        }
    }

    private RowResult send(Sending sending) throws Exception {
        if (!sending.claimed.compareAndSet(false, true)) {
            // the step closed before a sender took the row
            throw RunInterruptedException.notSent("row " + sending.check.row());
        }
        if (stopping.getAsBoolean() && !sending.handedOut.get()) {
            // asked to stop: only the rows of the chunk under way still go out
            throw RunInterruptedException.notSent("row " + sending.check.row());
        }
        return processor.process(sending.check);
    }

    @Override
    public RowResult process(Sending sending) throws Exception {
        try {
            return sending.result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw RunInterruptedException.notSent("row " + sending.check.row());
        }
    }

    @Override
    public void update(ExecutionContext context) {
        handedPosition.forEach(context::put);
    }

    /**
     * Rows read ahead that no chunk took (the run stopped or failed): those not started yet are never
     * sent; those on the wire are waited for, so their answers reach the write journal.
     */
    @Override
    public void close() {
        for (Sending left : ahead) {
            // a FutureTask cancelled while it runs would not be waited for: only rows no sender took are
            if (left.claimed.compareAndSet(false, true)) {
                left.result.cancel(false);
            }
        }
        for (Sending left : ahead) {
            try {
                left.result.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | CancellationException e) {
                // its chunk never came: a restart meets the row again, and the journal tells what happened
            }
        }
        ahead.clear();
        rows.close();
    }

    private static Map<String, Object> positionOf(ItemStreamReader<RowCheck> rows) {
        ExecutionContext position = new ExecutionContext();
        rows.update(position);
        return Map.copyOf(position.toMap());
    }
}

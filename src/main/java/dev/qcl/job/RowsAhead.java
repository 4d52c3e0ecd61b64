package dev.qcl.job;

import dev.qcl.connector.RowCheck;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and validates the next rows in a thread of its own while the step stores the results of the
 * previous ones: on a dry run, parsing and validating is about a third of the work and storing the
 * rest, and a second core does one beside the other. Rows are handed over in sheet order, in blocks
 * (one hand-over per row would cost more than it saves), each with the reader's position after it, so
 * that a chunk's execution context records exactly the rows that chunk consumed. A failure is handed
 * over in its place and thrown from {@link #next()} where reading in the step's thread would have
 * thrown it.
 */
final class RowsAhead implements AutoCloseable {
    /** Produces the next validated row, or null at the end of the input. */
    @FunctionalInterface
    interface Rows {
        RowCheck next() throws Exception;
    }

    private static final Logger log = LoggerFactory.getLogger(RowsAhead.class);
    private static final int BLOCK_ROWS = 256;
    // a few blocks: enough to keep both threads busy, small enough for a million-row sheet in a small heap
    private static final int BLOCKS_AHEAD = 8;
    private static final long POLL_MILLIS = 100;
    private static final long CLOSE_WAIT_MILLIS = 5_000;

    private final BlockingQueue<Block> blocks = new ArrayBlockingQueue<>(BLOCKS_AHEAD);
    private final Thread thread;
    private volatile boolean closed;
    private Block current;
    private int index;
    private long position;

    private RowsAhead(Rows rows, LongSupplier positionAfter, long position) {
        this.position = position;
        this.thread = new Thread(() -> produce(rows, positionAfter), "qcl-read-ahead");
        thread.setDaemon(true);
    }

    static RowsAhead start(Rows rows, LongSupplier positionAfter, long position) {
        RowsAhead ahead = new RowsAhead(rows, positionAfter, position);
        ahead.thread.start();
        return ahead;
    }

    /** The next row in sheet order, null at the end; a failure of reading it is thrown here. */
    RowCheck next() throws Exception {
        while (true) {
            if (current != null) {
                if (index < current.size) {
                    position = current.positions[index];
                    RowCheck check = current.checks[index];
                    current.checks[index++] = null;
                    return check;
                }
                if (current.failure != null) {
                    throw rethrowable(current.failure);
                }
                if (current.end) {
                    position = current.endPosition;
                    return null;
                }
            }
            current = take();
            index = 0;
        }
    }

    /** The reader's position after the last row {@link #next()} returned (or after the end). */
    long position() {
        return position;
    }

    private Block take() {
        try {
            return blocks.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next rows", e);
        }
    }

    private void produce(Rows rows, LongSupplier positionAfter) {
        Block block = new Block();
        try {
            while (!closed) {
                RowCheck check = rows.next();
                if (check == null) {
                    block.end = true;
                    block.endPosition = positionAfter.getAsLong();
                    hand(block);
                    return;
                }
                block.add(check, positionAfter.getAsLong());
                if (block.size == BLOCK_ROWS) {
                    hand(block);
                    block = new Block();
                }
            }
        } catch (Throwable t) {
            if (!closed) {
                block.failure = t;
                hand(block);
            } else {
                log.debug("Reading ahead ended after the step: {}", t.toString());
            }
        }
    }

    /** Waits for room in the queue, unless the step is done with the rows. */
    private void hand(Block block) {
        try {
            while (!closed) {
                if (blocks.offer(block, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops reading ahead. The thread ends at its next row; one busy with a tenant call (a space or
     * api-specs look-up) is not waited for long, and stops when that call returns.
     */
    @Override
    public void close() {
        closed = true;
        blocks.clear();
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Exception rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (Exception) failure;
    }

    private static final class Block {
        final RowCheck[] checks = new RowCheck[BLOCK_ROWS];
        final long[] positions = new long[BLOCK_ROWS];
        int size;
        boolean end;
        long endPosition;
        Throwable failure;

        void add(RowCheck check, long position) {
            checks[size] = check;
            positions[size] = position;
            size++;
        }
    }
}

package dev.qcl.results;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The rows of both kinds of storage in row order. The blocks of one chunk overlap each other (its
 * created and skipped rows alternate), never those of another chunk: a block is opened when the
 * next row to give could be in it, so only the blocks around that row are held.
 */
final class StoredRowsInOrder implements Iterator<RowResult> {
    private final PeekingIterator<RowResult> singles;
    private final PeekingIterator<ResultBlocks.Block> blocks;
    private final PriorityQueue<RowResult> opened = new PriorityQueue<>(Comparator.comparingInt(RowResult::row));

    StoredRowsInOrder(Iterator<RowResult> singles, Iterator<ResultBlocks.Block> blocks) {
        this.singles = new PeekingIterator<>(singles);
        this.blocks = new PeekingIterator<>(blocks);
    }

    @Override
    public boolean hasNext() {
        return singles.hasNext() || blocks.hasNext() || !opened.isEmpty();
    }

    @Override
    public RowResult next() {
        while (blocks.hasNext() && blocks.peek().firstRow() <= nextRow()) {
            ResultBlocks.Block block = blocks.next();
            opened.addAll(ResultBlocks.decode(block.status(), block.body(), block.tenant()));
        }
        if (opened.isEmpty() && !singles.hasNext()) {
            throw new NoSuchElementException();
        }
        if (!opened.isEmpty()
                && (!singles.hasNext() || opened.peek().row() < singles.peek().row())) {
            return opened.poll();
        }
        return singles.next();
    }

    /** The row the next call gives unless a block not yet opened holds an earlier one. */
    private int nextRow() {
        int next = Integer.MAX_VALUE;
        if (singles.hasNext()) {
            next = singles.peek().row();
        }
        if (!opened.isEmpty()) {
            next = Math.min(next, opened.peek().row());
        }
        return next;
    }

    /** The rows of several iterators, each in row order, in row order (rows of one run: no two alike). */
    static Iterator<RowResult> merged(List<Iterator<RowResult>> sources) {
        PriorityQueue<PeekingIterator<RowResult>> heads =
                new PriorityQueue<>(Comparator.comparingInt(head -> head.peek().row()));
        for (Iterator<RowResult> source : sources) {
            if (source.hasNext()) {
                heads.add(new PeekingIterator<>(source));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public RowResult next() {
                PeekingIterator<RowResult> head = heads.poll();
                if (head == null) {
                    throw new NoSuchElementException();
                }
                RowResult next = head.next();
                if (head.hasNext()) {
                    heads.add(head);
                }
                return next;
            }
        };
    }

    private static final class PeekingIterator<T> implements Iterator<T> {
        private final Iterator<T> source;
        private T peeked;

        PeekingIterator(Iterator<T> source) {
            this.source = source;
        }

        @Override
        public boolean hasNext() {
            return peeked != null || source.hasNext();
        }

        T peek() {
            if (peeked == null) {
                peeked = source.next();
            }
            return peeked;
        }

        @Override
        public T next() {
            T next = peek();
            peeked = null;
            return next;
        }
    }

    /** Items read a page at a time, each page the next items after the last key of the one before. */
    static final class Pages<T> implements Iterator<T> {
        private final IntFunction<List<T>> pageAfter;
        private final ToIntFunction<T> key;
        private Iterator<T> page = Collections.emptyIterator();
        private int after = 0;
        private boolean last;

        Pages(IntFunction<List<T>> pageAfter, ToIntFunction<T> key) {
            this.pageAfter = pageAfter;
            this.key = key;
        }

        @Override
        public boolean hasNext() {
            if (!page.hasNext() && !last) {
                List<T> items = pageAfter.apply(after);
                last = items.isEmpty();
                if (!last) {
                    after = key.applyAsInt(items.get(items.size() - 1));
                }
                page = items.iterator();
            }
            return page.hasNext();
        }

        @Override
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.next();
        }
    }
}

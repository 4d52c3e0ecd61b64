package dev.qcl.qlik;

import dev.qcl.qlik.WindowBudget.Limit;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sends of one rate tier: those on their way, and the answered ones in the order their answers
 * came, as long as a window of the configured length may still hold them. Not thread-safe: its
 * {@link WritePolicy} guards it.
 */
final class SendLog {
    /** A send that left at {@code start} and was answered at {@code end}. */
    record Sent(Instant start, Instant end) {}

    private final List<Sent> sent = new ArrayList<>();
    private int head;
    private int inFlight;

    void reserve() {
        inFlight++;
    }

    void answered(Instant start, Instant end) {
        inFlight--;
        sent.add(new Sent(start, end));
    }

    /** The request never reached the tenant, or was refused with a 429: it does not count. */
    void released() {
        inFlight--;
    }

    /** Sends on their way. */
    int inFlight() {
        return inFlight;
    }

    /** Answers held in memory. */
    int remembered() {
        return sent.size();
    }

    /** When the next send may leave under {@code limit}: now, a later instant, or null for "when an answer comes". */
    Instant earliestUnder(Limit limit, Instant now) {
        int answered = answeredSince(now.minus(limit.window()));
        int mustLeave = inFlight + answered - limit.capacity() + 1;
        if (mustLeave <= 0) {
            return now;
        }
        if (mustLeave > answered) {
            return null;
        }
        Sent leaving = sent.get(sent.size() - answered + mustLeave - 1);
        return leaving.end().plus(limit.window());
    }

    /** Sends that {@code limit} lets leave now. */
    int leftUnder(Limit limit, Instant now) {
        return limit.capacity() - inFlight - answeredSince(now.minus(limit.window()));
    }

    /** Answers after {@code from}, counted from the newest (answers are kept in the order they came). */
    int answeredSince(Instant from) {
        int count = 0;
        for (int i = sent.size() - 1; i >= head && sent.get(i).end().isAfter(from); i--) {
            count++;
        }
        return count;
    }

    /** When the oldest of the sends answered after {@code from} left; {@code now} when there is none. */
    Instant oldestStartSince(Instant from, Instant now) {
        Instant oldest = now;
        for (int i = sent.size() - 1; i >= head && sent.get(i).end().isAfter(from); i--) {
            oldest = sent.get(i).start().isBefore(oldest) ? sent.get(i).start() : oldest;
        }
        return oldest;
    }

    /** The {@code n}-th newest answer (1: the newest) still remembered, or null. */
    Sent newest(int n) {
        return n < 1 || n > sent.size() - head ? null : sent.get(sent.size() - n);
    }

    /** Forgets answers that left a window ending now before {@code from}; keeps up to as many again (or 1,024). */
    void prune(Instant from) {
        while (head < sent.size() && !sent.get(head).end().isAfter(from)) {
            head++;
        }
        if (head > 1024 && head > sent.size() / 2) {
            sent.subList(0, head).clear();
            head = 0;
        }
    }
}

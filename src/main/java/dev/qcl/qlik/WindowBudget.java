package dev.qcl.qlik;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The sends of one rate tier over a sliding window, and what the tenant's 429s taught about its
 * quota. A send counts from when it leaves until its answer plus the window (the answer is the
 * latest moment the tenant can have counted it), so every window of that length holds at most the
 * capacity. Not thread-safe: its {@link WritePolicy} guards it.
 */
final class WindowBudget {
    /** A 429 after fewer sends than this says little about the tenant's budget: it is not kept as the ceiling. */
    private static final int INFORMATIVE_SENDS = 5;

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    /** At most {@code capacity} sends in any {@code window}. */
    record Limit(int capacity, Duration window) {
        Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
            }
            if (window == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException("window must be positive, got " + window);
            }
        }

        /** {@code perMinute} averaged over {@code window}: a window may hold rate x window sends. */
        static Limit averaged(int perMinute, Duration window) {
            long capacity = (long) Math.floor(perMinute * (window.toMillis() / 60_000.0));
            return new Limit((int) Math.max(1, Math.min(Integer.MAX_VALUE, capacity)), window);
        }
    }

    private record Sent(Instant start, Instant end) {}

    private final Limit configured;
    private final int perMinute;
    private final List<Sent> sent = new ArrayList<>();
    private int head;
    private int inFlight;
    /** The tenant's budget as the first informative 429 showed it; kept for the rest of the run. */
    private Limit ceiling;
    /** What is kept to now: the ceiling, or less after 429s under it (another client spends quota). */
    private Limit current;

    private Instant lastEvent;
    private boolean eventSetCeiling;
    /** The window the first 429 showed, in whole seconds. */
    private Duration seenWindow = Duration.ZERO;
    /** What the learned window lost to rounding down to whole seconds, until a 429 says it was needed. */
    private Duration roundedOff = Duration.ZERO;

    WindowBudget(int perMinute, Duration window) {
        this.perMinute = perMinute;
        this.configured = Limit.averaged(perMinute, window);
    }

    /** When the next send may leave: now, a later instant, or null for "when a send in flight is answered". */
    Instant earliest(Instant now) {
        prune(now);
        if (current != null && current != ceiling && !now.isBefore(lastEvent.plus(current.window()))) {
            // a whole window without a 429: back to what the tenant showed it allows
            current = ceiling;
        }
        Instant at = earliestUnder(configured, now);
        if (current != null && at != null) {
            Instant learned = earliestUnder(current, now);
            at = learned == null || learned.isAfter(at) ? learned : at;
        }
        return at;
    }

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

    /**
     * A 429 answered a send that left at {@code start} (already released). The first 429 of an event
     * learns: the tenant holds what this tier sent in the window, and the window ends {@code
     * retryAfter} from now for the oldest of them. Requests already on their way when that event
     * began and refused too lower what it learned by one each. A 429 under the learned budget means
     * the tenant holds more than this tier's sends of the learned window (its window is longer, or
     * another client of the same user spends quota): the pace halves, by a window twice as long,
     * until a whole window passes without a 429. The learned window is kept in whole seconds; when
     * a 429 comes less than a second before that window ended, the fraction rounded off is given back
     * instead of halving the pace.
     */
    void throttled(Instant start, Instant now, Duration retryAfter) {
        if (lastEvent != null && !start.isAfter(lastEvent)) {
            if (eventSetCeiling) {
                // one send fewer than counted: the configured rate allows the same window a little sooner
                current = learned(Math.max(1, current.capacity() - 1));
                ceiling = current;
            }
            return;
        }
        lastEvent = now;
        if (ceiling != null && current == ceiling && !roundedOff.isZero() && retryAfter.compareTo(ONE_SECOND) <= 0) {
            // refused less than a second before the learned window ended: the second rounded off belongs to it
            eventSetCeiling = false;
            current = new Limit(ceiling.capacity(), ceiling.window().plus(roundedOff));
            ceiling = current;
            roundedOff = Duration.ZERO;
            return;
        }
        if (ceiling != null) {
            eventSetCeiling = false;
            Limit lowered = current == null ? ceiling : current;
            current = lowered.window().compareTo(configured.window()) < 0
                    ? new Limit(lowered.capacity(), min(lowered.window().multipliedBy(2), configured.window()))
                    : new Limit(Math.max(1, lowered.capacity() / 2), lowered.window());
            return;
        }
        Instant from = now.minus(configured.window());
        int admitted = Math.max(1, inFlight + answeredSince(from));
        Duration measured = Duration.between(oldestStartSince(from, now), now.plus(retryAfter));
        // Retry-After comes in whole seconds, rounded up, so what it shows is up to a second longer than
        // the tenant's window; quotas come in whole seconds (Qlik's is 5 minutes): keep whole seconds
        seenWindow = measured.truncatedTo(ChronoUnit.SECONDS);
        roundedOff = measured.minus(seenWindow);
        current = learned(admitted);
        eventSetCeiling = admitted >= Math.min(INFORMATIVE_SENDS, configured.capacity());
        ceiling = eventSetCeiling ? current : null;
    }

    /**
     * {@code capacity} sends per the window the first 429 showed, but never faster on average than the
     * configured rate: a short Retry-After after a burst can as well mean that another client's sends
     * are leaving the tenant's window.
     */
    private Limit learned(int capacity) {
        Duration atConfiguredRate = Duration.ofMillis((long) Math.ceil(capacity * 60_000.0 / perMinute));
        return new Limit(capacity, min(max(seenWindow, atConfiguredRate), configured.window()));
    }

    Limit configured() {
        return configured;
    }

    /** The learned limit kept to now, or null. */
    Limit current() {
        return current;
    }

    /** The tenant's budget as learned from the first informative 429, or null. */
    Limit ceiling() {
        return ceiling;
    }

    /** Answers held in memory: the window's, and older ones up to as many again (or 1,024), however long the run. */
    int remembered() {
        return sent.size();
    }

    /** Sends that may leave now without waiting for the window. */
    int left(Instant now) {
        prune(now);
        int left = configured.capacity() - inFlight - answeredSince(now.minus(configured.window()));
        if (current != null) {
            left = Math.min(left, current.capacity() - inFlight - answeredSince(now.minus(current.window())));
        }
        return Math.max(0, left);
    }

    private Instant earliestUnder(Limit limit, Instant now) {
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

    /** Answers after {@code from}, counted from the newest (answers are kept in the order they came). */
    private int answeredSince(Instant from) {
        int count = 0;
        for (int i = sent.size() - 1; i >= head && sent.get(i).end().isAfter(from); i--) {
            count++;
        }
        return count;
    }

    private Instant oldestStartSince(Instant from, Instant now) {
        Instant oldest = now;
        for (int i = sent.size() - 1; i >= head && sent.get(i).end().isAfter(from); i--) {
            oldest = sent.get(i).start().isBefore(oldest) ? sent.get(i).start() : oldest;
        }
        return oldest;
    }

    private void prune(Instant now) {
        Instant from = now.minus(configured.window());
        while (head < sent.size() && !sent.get(head).end().isAfter(from)) {
            head++;
        }
        if (head > 1024 && head > sent.size() / 2) {
            sent.subList(0, head).clear();
            head = 0;
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

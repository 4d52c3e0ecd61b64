package dev.qcl.qlik;

import dev.qcl.qlik.WindowBudget.Limit;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What one rate tier's 429s taught about the tenant's quota: the ceiling that the first informative
 * 429 showed (and later ones lengthened), and the pace kept to now, lower after 429s under the
 * ceiling until a whole window passes without one. Not thread-safe: its {@link WritePolicy} guards
 * it, through its {@link WindowBudget}.
 */
final class QuotaLearning {
    /** A 429 after fewer sends than this says little about the tenant's budget: it is not kept as the ceiling. */
    private static final int INFORMATIVE_SENDS = 5;

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    /** How long the tenant may hold one of our sends, as a 429 shows it: the shortest whole seconds and the longest time. */
    private record Held(Duration shortest, Duration longest) {}

    private final int perMinute;
    private final Limit configured;
    /**
     * The tenant's budget as the first informative 429 showed it; kept for the rest of the run, but
     * for a longer window when later 429s show that the tenant holds our sends longer.
     */
    private Limit ceiling;
    /** What is kept to now: the ceiling, or less after 429s under it (another client spends quota). */
    private Limit current;

    private Instant lastEvent;
    private boolean eventSetCeiling;
    /** The ceiling's window is the configured rate's, not one the Retry-After showed: a guess. */
    private boolean ceilingGuessed;
    /** The last event lengthened the ceiling's window; true until one of the sends after it is answered. */
    private boolean lengthenedLast;
    /** The window the first 429 showed, in whole seconds. */
    private Duration seenWindow = Duration.ZERO;
    /** What the learned window lost to rounding down to whole seconds, until a 429 says it was needed. */
    private Duration roundedOff = Duration.ZERO;

    QuotaLearning(int perMinute, Limit configured) {
        this.perMinute = perMinute;
        this.configured = configured;
    }

    /** The learned limit kept from {@code now} on, or null: after a whole window without a 429, the ceiling again. */
    Limit current(Instant now) {
        if (current != null && current != ceiling && !now.isBefore(lastEvent.plus(current.window()))) {
            // a whole window without a 429: back to what the tenant showed it allows
            current = ceiling;
        }
        return current;
    }

    /** The learned limit kept to now, or null. */
    Limit current() {
        return current;
    }

    Limit ceiling() {
        return ceiling;
    }

    /** A send that left at {@code start} was answered. */
    void answered(Instant start) {
        if (lastEvent != null && start.isAfter(lastEvent)) {
            lengthenedLast = false;
        }
    }

    /**
     * A 429 answered a send that left at {@code start} (already released from {@code sends}). The
     * first 429 of an event learns: the tenant holds what this tier sent in the window, and the
     * window ends {@code retryAfter} from now for the oldest of them. Requests already on their way
     * when that event began and refused too lower what it learned by one each. A 429 under the
     * learned budget means the tenant holds more than this tier's sends of the learned window (its
     * window is longer, or another client of the same user spends quota). When our last sends of the
     * learned capacity took less than the learned window and the pause ends later than that window
     * after the oldest of them, the tenant still holds them: the learned window was too short (its
     * Retry-After had shown when another client's sends leave), and it becomes that longer one.
     * Otherwise the pace halves, by a window twice as long, until a whole window passes without a
     * 429; when the ceiling's window was only the configured rate's, the halved pace becomes the
     * ceiling. The learned window is kept in whole seconds; when a 429 comes less than a second
     * before that window ended, the fraction rounded off is given back instead of halving the pace.
     */
    void throttled(SendLog sends, Instant start, Instant now, Duration retryAfter) {
        if (lastEvent != null && !start.isAfter(lastEvent)) {
            if (eventSetCeiling) {
                // one send fewer than counted: the configured rate allows the same window a little sooner
                current = learned(Math.max(1, current.capacity() - 1));
                ceiling = current;
            }
            return;
        }
        lastEvent = now;
        if (ceiling != null) {
            eventSetCeiling = false;
            learnAgain(sends, start, now, retryAfter);
            return;
        }
        Instant from = now.minus(configured.window());
        int admitted = Math.max(1, sends.inFlight() + sends.answeredSince(from));
        Duration measured = Duration.between(sends.oldestStartSince(from, now), now.plus(retryAfter));
        // Retry-After comes in whole seconds, rounded up, so what it shows is up to a second longer than
        // the tenant's window; quotas come in whole seconds (Qlik's is 5 minutes): keep whole seconds
        seenWindow = measured.truncatedTo(ChronoUnit.SECONDS);
        roundedOff = measured.minus(seenWindow);
        current = learned(admitted);
        eventSetCeiling = admitted >= Math.min(INFORMATIVE_SENDS, configured.capacity());
        ceiling = eventSetCeiling ? current : null;
    }

    /** A later event: a 429 under what the first one taught, for a send that left at {@code start}. */
    private void learnAgain(SendLog sends, Instant start, Instant now, Duration retryAfter) {
        boolean atCeiling = current == ceiling;
        if (atCeiling && ceilingGuessed) {
            // the configured rate was a guess, and too fast: another client spends part of the quota
            Limit halved = halved(ceiling);
            Held held = heldLonger(sends, start, now, retryAfter);
            if (held != null && held.shortest().compareTo(halved.window()) > 0) {
                lengthen(held);
            } else {
                ceiling = halved;
                current = ceiling;
            }
            ceilingGuessed = false;
            return;
        }
        if (atCeiling && !roundedOff.isZero() && retryAfter.compareTo(ONE_SECOND) <= 0) {
            // refused less than a second before the learned window ended: the second rounded off belongs to it
            current = new Limit(ceiling.capacity(), ceiling.window().plus(roundedOff));
            ceiling = current;
            roundedOff = Duration.ZERO;
            return;
        }
        Held held = atCeiling && !lengthenedLast ? heldLonger(sends, start, now, retryAfter) : null;
        if (held != null) {
            // the tenant still holds our last sends: the learned window was too short
            lengthen(held);
            lengthenedLast = true;
            return;
        }
        lengthenedLast = false;
        current = halved(current == null ? ceiling : current);
    }

    /**
     * {@code capacity} sends per the window the first 429 showed, but never faster on average than the
     * configured rate: a short Retry-After after a burst can as well mean that another client's sends
     * are leaving the tenant's window.
     */
    private Limit learned(int capacity) {
        Duration atConfiguredRate = Duration.ofMillis((long) Math.ceil(capacity * 60_000.0 / perMinute));
        ceilingGuessed = seenWindow.compareTo(atConfiguredRate) < 0;
        return new Limit(capacity, min(max(seenWindow, atConfiguredRate), configured.window()));
    }

    /** Half the pace: a window twice as long, up to the configured one, then half the capacity. */
    private Limit halved(Limit limit) {
        return limit.window().compareTo(configured.window()) < 0
                ? new Limit(limit.capacity(), min(limit.window().multipliedBy(2), configured.window()))
                : new Limit(Math.max(1, limit.capacity() / 2), limit.window());
    }

    /**
     * The ceiling's window becomes the shortest that fits the 429; what the longest adds is given back
     * by a 429 less than a second before that window ends, as for the first 429's rounding.
     */
    private void lengthen(Held held) {
        roundedOff = held.longest().minus(held.shortest());
        ceiling = new Limit(ceiling.capacity(), held.shortest());
        current = ceiling;
    }

    /**
     * How long the tenant holds our last sends of the ceiling's capacity, when a 429 for a send that
     * left at {@code start} shows that to be a whole second or more longer than the ceiling's window
     * (and not longer than the configured one); null otherwise, and when those sends did not all go
     * within the ceiling's window (some might have left the tenant's before the others came). The
     * oldest of them leaves when the tenant has room: after {@code start} plus the Retry-After less
     * the second it was rounded up by, at the latest {@code now} plus the Retry-After; the tenant
     * counted it between when it left and when it was answered. The sends in flight are the newest.
     */
    private Held heldLonger(SendLog sends, Instant start, Instant now, Duration retryAfter) {
        SendLog.Sent oldest = sends.newest(ceiling.capacity() - sends.inFlight());
        if (oldest == null) {
            return null;
        }
        Instant newest = sends.newest(1).end();
        Duration longest = Duration.between(oldest.start(), now.plus(retryAfter));
        Duration fewer = Duration.between(oldest.end(), start.plus(retryAfter).minus(ONE_SECOND));
        Duration shortest = fewer.isNegative()
                ? Duration.ZERO
                : fewer.truncatedTo(ChronoUnit.SECONDS).plus(ONE_SECOND);
        boolean together = Duration.between(oldest.start(), newest).compareTo(ceiling.window()) <= 0;
        return together && shortest.compareTo(ceiling.window()) > 0 && shortest.compareTo(configured.window()) <= 0
                ? new Held(shortest, max(shortest, longest))
                : null;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

package dev.qcl.qlik;

import dev.qcl.qlik.WritePolicy.Attempt;
import dev.qcl.qlik.WritePolicy.GiveUp;
import dev.qcl.qlik.WritePolicy.SendNow;
import dev.qcl.qlik.WritePolicy.WaitUntil;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Several senders of one tier on a fake clock, as a run's senders use the policy: each asks it
 * before every request, sends or waits, and sends its row again after a 429. The tenant decides when
 * a request arrives (as it leaves, here) and answers {@code latency} later; an answer wakes every
 * waiting sender, as the policy's signal does, and a sender waiting for an answer looks again after
 * a second anyway. Events are taken in time order on the fake clock: no thread, no sleeping.
 */
final class FakeSenders {
    private static final Attempt NO_HURRY = new Attempt(1, FakeTime.START.plus(Duration.ofDays(1)));
    private static final Duration RECHECK = Duration.ofSeconds(1);

    /** When each admitted write left (in order), and how many 429s the senders got. */
    record Outcome(List<Instant> admitted, int throttled) {
        /** First to last admitted write. */
        Duration span() {
            return Duration.between(admitted.get(0), admitted.get(admitted.size() - 1));
        }
    }

    private static final class Sender {
        Instant wake = FakeTime.START;
        boolean hasRow;
        Instant sentAt;
        Instant answerAt;
        Optional<Duration> refused;
    }

    private final WritePolicy policy;
    private final FakeTime time;
    private final FakeQuota quota;
    private final Duration latency;
    private final List<Sender> senders = new ArrayList<>();
    private final List<Instant> admitted = new ArrayList<>();
    private int throttled;
    private int rowsLeft;

    private FakeSenders(WritePolicy policy, FakeTime time, FakeQuota quota, int senders, Duration latency) {
        this.policy = policy;
        this.time = time;
        this.quota = quota;
        this.latency = latency;
        for (int i = 0; i < senders; i++) {
            this.senders.add(new Sender());
        }
    }

    /** Sends {@code rows} rows with {@code senders} senders until every one is admitted. */
    static Outcome run(WritePolicy policy, FakeTime time, FakeQuota quota, int rows, int senders, Duration latency) {
        FakeSenders run = new FakeSenders(policy, time, quota, senders, latency);
        run.rowsLeft = rows;
        while (run.admitted.size() < rows) {
            run.senders.forEach(run::ask);
            run.advanceToNextEvent();
        }
        List<Instant> inOrder = new ArrayList<>(run.admitted);
        inOrder.sort(null);
        return new Outcome(inOrder, run.throttled);
    }

    private void ask(Sender sender) {
        Instant now = time.instant();
        if (sender.sentAt != null || sender.wake.isAfter(now)) {
            return;
        }
        if (!sender.hasRow) {
            if (rowsLeft == 0) {
                sender.wake = Instant.MAX;
                return;
            }
            rowsLeft--;
            sender.hasRow = true;
        }
        var decision = policy.decide("row", NO_HURRY);
        if (decision instanceof SendNow send) {
            sender.sentAt = send.at();
            sender.refused = quota.tryAcquire(now);
            sender.answerAt = now.plus(latency);
        } else if (decision instanceof WaitUntil wait) {
            sender.wake = wait.at() == null ? now.plus(RECHECK) : wait.at();
        } else {
            throw ((GiveUp) decision).reason();
        }
    }

    private void advanceToNextEvent() {
        Instant next = Instant.MAX;
        for (Sender sender : senders) {
            Instant at = sender.sentAt != null ? sender.answerAt : sender.wake;
            next = at.isBefore(next) ? at : next;
        }
        time.advance(Duration.between(time.instant(), next));
        boolean answered = false;
        for (Sender sender : senders) {
            if (sender.sentAt != null && !sender.answerAt.isAfter(next)) {
                answer(sender);
                answered = true;
            }
        }
        for (Sender sender : senders) {
            if (answered && sender.sentAt == null && sender.wake.isAfter(next) && sender.wake != Instant.MAX) {
                sender.wake = next;
            }
        }
    }

    private void answer(Sender sender) {
        if (sender.refused.isEmpty()) {
            policy.answered(sender.sentAt);
            admitted.add(sender.sentAt);
            sender.hasRow = false;
        } else {
            policy.throttled(sender.sentAt, sender.refused.get(), "row", 1);
            throttled++;
        }
        sender.sentAt = null;
        sender.wake = time.instant();
    }
}

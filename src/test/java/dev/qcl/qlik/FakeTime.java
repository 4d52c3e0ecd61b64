package dev.qcl.qlik;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A clock that only moves when someone sleeps on it; records every wait. */
final class FakeTime extends Clock implements Sleeper {
    static final Instant START = Instant.parse("2025-01-01T00:00:00Z");

    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private Instant now = START;

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        advance(duration);
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    List<Duration> waits() {
        return List.copyOf(waits);
    }

    Duration elapsed() {
        return Duration.between(START, instant());
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

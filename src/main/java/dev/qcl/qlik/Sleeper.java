package dev.qcl.qlik;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while; injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /** The real thing: blocks the calling thread. */
    static Sleeper real() {
        return duration -> {
            if (!duration.isNegative() && !duration.isZero()) {
                TimeUnit.NANOSECONDS.sleep(duration.toNanos());
            }
        };
    }
}

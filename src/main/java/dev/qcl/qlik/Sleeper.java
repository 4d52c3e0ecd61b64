package dev.qcl.qlik;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;

/** Waits for a while; injected so that tests advance a fake clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    /**
     * Waits up to {@code duration} on {@code wake}, whose lock the caller holds, and returns early
     * when it is signalled (a stop, a freed slot). The default just sleeps: right for fake clocks,
     * which never block.
     */
    default void await(Condition wake, Duration duration) throws InterruptedException {
        sleep(duration);
    }

    /** The real thing: blocks the calling thread, and wakes when signalled (not by interrupts alone). */
    static Sleeper real() {
        return new Sleeper() {
            @Override
            public void sleep(Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(duration.toNanos());
                }
            }

            @Override
            public void await(Condition wake, Duration duration) throws InterruptedException {
                if (!duration.isNegative() && !duration.isZero()) {
                    wake.awaitNanos(duration.toNanos());
                }
            }
        };
    }
}

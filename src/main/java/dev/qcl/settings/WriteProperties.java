package dev.qcl.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Pacing, concurrency and retry of the calls to the tenant ({@code qcl.write.*}).
 *
 * @param rateLimit writes per minute averaged over {@code window} ({@code --rate-limit})
 * @param readRateLimit reads per minute averaged over {@code window}
 * @param window the quota window: a window may hold rate x window calls, at once while it has room
 */
@ConfigurationProperties("qcl.write")
public record WriteProperties(
        int rateLimit,
        int readRateLimit,
        int concurrency,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxTimePerRow,
        Duration maxThrottleWait,
        Duration window) {
    public WriteProperties {
        require(rateLimit >= 1, "qcl.write.rate-limit (--rate-limit) must be at least 1 write per minute");
        require(readRateLimit >= 1, "qcl.write.read-rate-limit must be at least 1 read per minute");
        require(concurrency >= 1 && concurrency <= 64, "qcl.write.concurrency (--concurrency) must be 1 to 64");
        require(maxAttempts >= 1, "qcl.write.max-attempts must be at least 1");
        window = window == null ? Duration.ofMinutes(5) : window;
        require(!window.isNegative() && !window.isZero(), "qcl.write.window must be a positive duration, e.g. 5m");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigurationProblem(message);
        }
    }
}

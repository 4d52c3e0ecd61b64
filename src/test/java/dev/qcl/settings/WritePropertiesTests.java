package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code qcl.write.*}: each limit refused outside its range with the key that sets it. */
public class WritePropertiesTests {
    public static WriteProperties write(
            int rateLimit, int readRateLimit, int concurrency, int maxAttempts, Duration window) {
        return new WriteProperties(
                rateLimit,
                readRateLimit,
                concurrency,
                maxAttempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofMinutes(10),
                Duration.ofMinutes(5),
                window);
    }

    @Test
    void should_accept_the_smallest_and_largest_values_of_each_limit() {
        assertThat(write(1, 1, 1, 1, Duration.ofMillis(1)).concurrency()).isEqualTo(1);
        assertThat(write(1, 1, 64, 1, Duration.ofMillis(1)).concurrency()).isEqualTo(64);
    }

    @Test
    void should_take_a_five_minute_window_when_none_is_set() {
        assertThat(write(100, 1000, 8, 6, null).window()).isEqualTo(Duration.ofMinutes(5));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0 | 1 | 1  | 1 | qcl.write.rate-limit (--rate-limit) must be at least 1 write per minute",
                "1 | 0 | 1  | 1 | qcl.write.read-rate-limit must be at least 1 read per minute",
                "1 | 1 | 0  | 1 | qcl.write.concurrency (--concurrency) must be 1 to 64",
                "1 | 1 | 65 | 1 | qcl.write.concurrency (--concurrency) must be 1 to 64",
                "1 | 1 | 1  | 0 | qcl.write.max-attempts must be at least 1"
            })
    void should_refuse_a_limit_below_or_above_its_range_naming_its_key(
            int rateLimit, int readRateLimit, int concurrency, int maxAttempts, String message) {
        assertThatThrownBy(() -> write(rateLimit, readRateLimit, concurrency, maxAttempts, Duration.ofMinutes(5)))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage(message);
    }

    @Test
    void should_refuse_a_window_that_is_zero_or_negative() {
        for (Duration window : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1)}) {
            assertThatThrownBy(() -> write(1, 1, 1, 1, window))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage("qcl.write.window must be a positive duration, e.g. 5m");
        }
    }
}

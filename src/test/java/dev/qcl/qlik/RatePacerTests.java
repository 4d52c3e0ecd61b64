package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RatePacerTests {
    private final FakeTime time = new FakeTime();
    private final RatePacer pacer = new RatePacer("write", 100, time, time);

    @Nested
    class Equal_spacing {
        @Test
        void should_space_calls_600_ms_apart_at_100_per_minute() throws Exception {
            // when
            pacer.acquire();
            pacer.acquire();
            pacer.acquire();

            // then
            assertThat(time.waits()).containsExactly(Duration.ofMillis(600), Duration.ofMillis(600));
            assertThat(time.elapsed()).isEqualTo(Duration.ofMillis(1200));
        }

        @Test
        void should_not_burst_after_an_idle_period() throws Exception {
            // given
            pacer.acquire();
            time.advance(Duration.ofSeconds(10));

            // when
            pacer.acquire();
            pacer.acquire();

            // then: idle time earns no credit
            assertThat(time.waits()).containsExactly(Duration.ofMillis(600));
        }

        @Test
        void should_let_a_burst_go_at_once_then_keep_the_rate_when_the_tier_allows_a_burst() throws Exception {
            // given: reads at 1,000 a minute (60 ms apart) with a burst of 3
            RatePacer reads = new RatePacer("read", 1000, 3, RatePacer.DEFAULT_QUIET_PERIOD, time, time);

            // when
            for (int i = 0; i < 5; i++) {
                reads.acquire();
            }

            // then: three at once, then one every 60 ms
            assertThat(time.waits()).containsExactly(Duration.ofMillis(60), Duration.ofMillis(60));
        }

        @Test
        void should_use_the_new_rate_when_set() throws Exception {
            // given
            pacer.setPerMinute(30);

            // when
            pacer.acquire();
            pacer.acquire();

            // then
            assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
            assertThatThrownBy(() -> pacer.setPerMinute(0)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Pause {
        @Test
        void should_make_another_thread_wait_until_the_retry_after_ends() throws Exception {
            // given: one thread received a 429 with Retry-After: 2
            pacer.acquire();
            CompletableFuture.runAsync(() -> pacer.pauseAll(Duration.ofSeconds(2))).get(5, TimeUnit.SECONDS);

            // when: another thread wants to write
            CompletableFuture.runAsync(() -> {
                        try {
                            pacer.acquire();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .get(5, TimeUnit.SECONDS);

            // then
            assertThat(time.waits()).containsExactly(Duration.ofSeconds(2));
            assertThat(time.elapsed()).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void should_report_only_the_added_pause_when_pauses_overlap() {
            // when
            Duration first = pacer.pauseAll(Duration.ofSeconds(10));
            time.advance(Duration.ofSeconds(4));
            Duration second = pacer.pauseAll(Duration.ofSeconds(10));

            // then: the tier was blocked 14 s in all
            assertThat(first).isEqualTo(Duration.ofSeconds(10));
            assertThat(second).isEqualTo(Duration.ofSeconds(4));
        }
    }

    @Nested
    class Aimd {
        @Test
        void should_halve_the_rate_on_a_429_and_space_calls_accordingly() throws Exception {
            // when
            pacer.pauseAll(Duration.ofSeconds(1));
            pacer.acquire();
            pacer.acquire();

            // then
            assertThat(pacer.currentPerMinute()).isEqualTo(50.0);
            assertThat(time.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofMillis(1200));
        }

        @Test
        void should_halve_only_once_for_429s_within_one_pause() {
            // when
            pacer.pauseAll(Duration.ofSeconds(5));
            pacer.pauseAll(Duration.ofSeconds(5));

            // then
            assertThat(pacer.currentPerMinute()).isEqualTo(50.0);
        }

        @Test
        void should_climb_back_by_5_percent_per_quiet_period_up_to_the_configured_rate() {
            // given
            pacer.pauseAll(Duration.ofSeconds(1));

            // when / then
            time.advance(Duration.ofSeconds(1).plus(Duration.ofSeconds(29)));
            assertThat(pacer.currentPerMinute()).isEqualTo(50.0);
            time.advance(Duration.ofSeconds(1));
            assertThat(pacer.currentPerMinute()).isEqualTo(55.0);
            time.advance(Duration.ofSeconds(60));
            assertThat(pacer.currentPerMinute()).isEqualTo(65.0);
            time.advance(Duration.ofMinutes(30));
            assertThat(pacer.currentPerMinute()).isEqualTo(100.0);
        }

        @Test
        void should_never_go_below_one_per_minute() {
            // given
            RatePacer slow = new RatePacer("write", 3, time, time);

            // when
            for (int i = 0; i < 5; i++) {
                slow.pauseAll(Duration.ofSeconds(1));
                time.advance(Duration.ofSeconds(2));
            }

            // then
            assertThat(slow.currentPerMinute()).isEqualTo(1.0);
        }
    }
}

package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.qcl.qlik.WritePolicy.Attempt;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.qlik.failure.ThrottleWaitTooLongException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The write policy on a fake clock: when requests leave (their timestamps), what 429s teach, when senders give up. */
class WritePolicyTests {
    private static final Instant START = FakeTime.START;
    private static final Attempt NO_HURRY = new Attempt(1, START.plus(Duration.ofDays(1)));

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();

    /** 100 writes a minute over 5 minutes, as configured by default. */
    private WritePolicy policy(int perMinute) {
        return new WritePolicy("write", perMinute, TenantFixtures.settings(8443), stats, time, time, () -> 0.5);
    }

    private WritePolicy policy(int perMinute, Duration window) {
        QlikSettings windowed = TenantFixtures.windowed(perMinute, window);
        return new WritePolicy("write", perMinute, windowed, stats, time, time, () -> 0.5);
    }

    /** One sender: each row is sent, answered after {@code latency}, and sent again after a 429. */
    private List<Instant> sendRows(WritePolicy policy, FakeQuota quota, int rows, Duration latency) {
        List<Instant> sent = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            while (true) {
                Instant sentAt = policy.acquire("row " + row, NO_HURRY);
                sent.add(sentAt);
                Optional<Duration> refused = quota.tryAcquire(time.instant());
                time.advance(latency);
                if (refused.isEmpty()) {
                    policy.answered(sentAt);
                    break;
                }
                policy.throttled(sentAt, refused.get(), "row " + row, 1);
            }
        }
        return sent;
    }

    private static Duration since(Instant start, Instant at) {
        return Duration.between(start, at);
    }

    @Nested
    class Window {
        @Test
        void should_send_a_fresh_windows_budget_at_once_then_wait_for_the_window() {
            // given: 100 a minute over 5 minutes is 500 at once
            WritePolicy policy = policy(100);

            // when
            List<Instant> sent = sendRows(policy, new FakeQuota(10_000, Duration.ofMinutes(5)), 502, Duration.ZERO);

            // then
            assertThat(sent.subList(0, 500)).containsOnly(START);
            assertThat(sent.subList(500, 502)).containsOnly(START.plus(Duration.ofMinutes(5)));
        }

        @Test
        void should_take_1000_writes_in_one_window_length_on_qliks_5_minute_quota_without_a_429() {
            // given: the tenant allows 500 per 5 minutes, like Qlik's tier 2
            FakeQuota quota = new FakeQuota(500, Duration.ofMinutes(5));

            // when: every answer takes 5 ms
            List<Instant> sent = sendRows(policy(100), quota, 1000, Duration.ofMillis(5));

            // then: 500 go at once (one after another here), 500 as the first ones leave the window
            assertThat(stats.throttled()).isZero();
            assertThat(sent).hasSize(1000);
            assertThat(since(START, sent.get(499))).isLessThan(Duration.ofSeconds(3));
            assertThat(since(START, sent.get(500))).isBetween(Duration.ofMinutes(5), Duration.ofSeconds(301));
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(315));
            assertThat(quota.mostOursInAnyWindow()).isEqualTo(500);
        }

        @Test
        void should_share_one_window_between_two_writers() {
            // given: 10 a minute over 1 minute
            WritePolicy policy = policy(10, Duration.ofMinutes(1));
            List<Instant> a = new ArrayList<>();
            List<Instant> b = new ArrayList<>();

            // when: two writers take turns, every answer after 1 s
            for (int i = 0; i < 6; i++) {
                for (List<Instant> writer : List.of(a, b)) {
                    Instant sentAt = policy.acquire("write", NO_HURRY);
                    writer.add(sentAt);
                    time.advance(Duration.ofSeconds(1));
                    policy.answered(sentAt);
                }
            }

            // then: ten in the first window, the 11th and 12th when the first two answers leave it
            assertThat(a.subList(0, 5))
                    .extracting(t -> since(START, t).toSeconds())
                    .containsExactly(0L, 2L, 4L, 6L, 8L);
            assertThat(b.subList(0, 5))
                    .extracting(t -> since(START, t).toSeconds())
                    .containsExactly(1L, 3L, 5L, 7L, 9L);
            assertThat(since(START, a.get(5))).isEqualTo(Duration.ofSeconds(61));
            assertThat(since(START, b.get(5))).isEqualTo(Duration.ofSeconds(62));
        }

        @Test
        void should_give_up_a_call_whose_turn_comes_after_its_deadline() {
            WritePolicy policy = policy(1, Duration.ofMinutes(1));
            policy.answered(policy.acquire("first", NO_HURRY));

            assertThatThrownBy(() -> policy.acquire("second", new Attempt(2, START.plus(Duration.ofSeconds(30)))))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("second");
            assertThat(time.waits()).isEmpty();
        }
    }

    @Nested
    class Learning {
        @Test
        void should_pause_every_writer_exactly_as_long_as_retry_after() {
            // given
            WritePolicy policy = policy(100);
            Instant refused = policy.acquire("row 2", NO_HURRY);

            // when
            policy.throttled(refused, Duration.ofSeconds(13), "row 2", 1);
            Instant next = policy.acquire("row 3", NO_HURRY);

            // then
            assertThat(next).isEqualTo(START.plus(Duration.ofSeconds(13)));
            assertThat(stats.snapshot()).isEqualTo(new HttpStats.Snapshot(0, 0, 1, 13_000));
        }

        @Test
        void should_learn_a_stricter_tenants_budget_from_the_first_429_and_keep_to_it() {
            // given: a tenant that allows 50 per 30 s; qcl configured as for Qlik (500 per 5 minutes)
            FakeQuota quota = new FakeQuota(50, Duration.ofSeconds(30));
            WritePolicy policy = policy(100);

            // when
            sendRows(policy, quota, 200, Duration.ofMillis(20));

            // then: one 429 (at most 5% of the rows), within 10% of the 90 s the quota allows
            assertThat(stats.throttled()).isLessThanOrEqualTo(10);
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(99));
            BudgetView view = policy.view();
            assertThat(view.learnedCapacity()).isEqualTo(50);
            assertThat(view.learnedWindow()).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(32));
        }

        @Test
        void should_learn_the_whole_seconds_window_when_retry_after_is_rounded_up() {
            // given: a tenant that allows 50 per 30 s; its 429 after 50 sends in 0.6 s says 30 s, so 30.6 s
            FakeQuota quota = new FakeQuota(50, Duration.ofSeconds(30));
            WritePolicy policy = policy(100);

            // when
            List<Instant> sent = sendRows(policy, quota, 200, Duration.ofMillis(12));

            // then: 30 s learned, not 30.6: the last 50 leave 90 s after the first, with the answers' 12 ms
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(stats.throttled()).isEqualTo(1);
            assertThat(since(START, sent.get(sent.size() - 1))).isLessThan(Duration.ofSeconds(92));
            assertThat(quota.mostOursInAnyWindow()).isEqualTo(50);
        }

        @Test
        void should_give_the_rounded_off_fraction_back_when_the_tenants_window_is_not_whole_seconds() {
            // given: a tenant whose window is 30.5 s; the 429 after 50 sends in 0.6 s says 30, so 30.6 s, kept as 30 s
            FakeQuota quota = new FakeQuota(50, Duration.ofMillis(30_500));
            WritePolicy policy = policy(100);

            // when
            sendRows(policy, quota, 200, Duration.ofMillis(12));

            // then: one more 429, a second before the learned window ended, and the fraction is back: no halving
            assertThat(stats.throttled()).isEqualTo(2);
            assertThat(policy.view().learnedCapacity()).isEqualTo(50);
            assertThat(policy.view().learnedWindow()).isBetween(Duration.ofMillis(30_500), Duration.ofSeconds(31));
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofSeconds(95));
        }

        @Test
        void should_not_learn_a_window_faster_than_the_configured_rate() {
            // given: 20 sent at once, then a 429 whose short Retry-After comes from another client's old sends
            WritePolicy policy = policy(100);
            for (int i = 0; i < 20; i++) {
                policy.answered(policy.acquire("row", NO_HURRY));
            }

            // when
            policy.throttled(policy.acquire("row 21", NO_HURRY), Duration.ofSeconds(1), "row 21", 1);

            // then: 20 per 12 s at most (100 a minute), not 20 per second
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(12));
        }

        @Test
        void should_count_requests_in_flight_at_a_429_as_admitted_unless_they_are_refused_too() {
            // given: 10 answered, three more on their way
            WritePolicy policy = policy(100);
            for (int i = 0; i < 10; i++) {
                policy.answered(policy.acquire("row", NO_HURRY));
            }
            Instant a = policy.acquire("a", NO_HURRY);
            Instant b = policy.acquire("b", NO_HURRY);
            Instant c = policy.acquire("c", NO_HURRY);

            // when: c and b are refused, a gets through
            policy.throttled(c, Duration.ofSeconds(30), "c", 1);
            policy.throttled(b, Duration.ofSeconds(30), "b", 1);
            policy.answered(a);

            // then
            assertThat(policy.view().learnedCapacity()).isEqualTo(11);
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(stats.throttled()).isEqualTo(2);
        }

        @Test
        void should_halve_the_pace_on_a_429_under_the_learned_budget_and_recover_within_a_window() {
            // given: learned 50 per 30 s
            WritePolicy policy = policy(100);
            for (int i = 0; i < 50; i++) {
                policy.answered(policy.acquire("row", NO_HURRY));
            }
            policy.throttled(policy.acquire("row 51", NO_HURRY), Duration.ofSeconds(30), "row 51", 1);
            time.advance(Duration.ofSeconds(31));
            for (int i = 0; i < 10; i++) {
                policy.answered(policy.acquire("row", NO_HURRY));
            }

            // when: another 429 after 10 of our sends (another client spends the rest)
            Instant refused = policy.acquire("row 62", NO_HURRY);
            policy.throttled(refused, Duration.ofSeconds(5), "row 62", 1);

            // then: 50 per 60 s until a 60 s window passes without a 429, then 50 per 30 s again
            assertThat(policy.view().learnedCapacity()).isEqualTo(50);
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(60));
            time.advance(Duration.ofSeconds(59));
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(60));
            time.advance(Duration.ofSeconds(1));
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(30));
            assertThat(policy.view().left()).isEqualTo(50);
        }

        @Test
        void should_stay_within_a_quarter_of_the_floor_while_another_client_spends_half_the_quota() {
            // given: 60 per 30 s, half of it spent by another client of the same user; qcl at the tenant's rate
            FakeQuota quota = new FakeQuota(60, Duration.ofSeconds(30), 0.5);

            // when
            sendRows(policy(120), quota, 120, Duration.ofMillis(20));

            // then: the 30 per 30 s left take 90 s for 120 rows
            assertThat(time.elapsed()).isLessThanOrEqualTo(Duration.ofMillis(112_500));
        }
    }

    @Nested
    class Other_clients {
        @ParameterizedTest
        @ValueSource(ints = {0, 2_500, 5_000, 7_000, 9_500})
        void should_stay_near_the_floor_and_refuse_few_rows_while_another_client_writes_in_bursts(int phaseMillis) {
            // given: 60 per 10 s; another client of the same user sends 30 at once every 10 s, at a phase of its own
            FakeQuota quota = FakeQuota.withBursts(
                    60, Duration.ofSeconds(10), 30, Duration.ofSeconds(10), Duration.ofMillis(phaseMillis));

            WritePolicy policy = policy(360);

            // when: four senders at the tenant's rate, answers after 20 ms
            FakeSenders.Outcome outcome = FakeSenders.run(policy, time, quota, 150, 4, Duration.ofMillis(20));

            // then: the 30 per 10 s left take 40 s for 150 rows; at most 5% of the rows refused
            assertThat(outcome.span()).isLessThanOrEqualTo(Duration.ofSeconds(42));
            assertThat(outcome.throttled()).isLessThanOrEqualTo(7);
            assertThat(policy.view().learnedCapacity()).isEqualTo(30);
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void should_learn_the_rest_of_an_evenly_spent_quota_with_few_429s() {
            // given: 60 per 30 s, half of it spent evenly by another client of the same user
            FakeQuota quota = new FakeQuota(60, Duration.ofSeconds(30), 0.5);
            WritePolicy policy = policy(120);

            // when
            FakeSenders.Outcome outcome = FakeSenders.run(policy, time, quota, 120, 4, Duration.ofMillis(20));

            // then: 90 s for the 30 per 30 s left; the first burst's event and one more 429
            assertThat(outcome.span()).isLessThanOrEqualTo(Duration.ofSeconds(92));
            assertThat(outcome.throttled()).isLessThanOrEqualTo(5);
            assertThat(policy.view().learnedWindow()).isEqualTo(Duration.ofSeconds(30));
        }

        @Test
        void should_keep_a_strict_tenants_pace_with_four_senders() {
            // given: 50 per 30 s and no other client; qcl configured as for Qlik
            FakeQuota quota = new FakeQuota(50, Duration.ofSeconds(30));

            // when
            FakeSenders.Outcome outcome = FakeSenders.run(policy(100), time, quota, 200, 4, Duration.ofMillis(20));

            // then: the first burst's four in flight are refused, none after; 90 s for 200 rows
            assertThat(outcome.throttled()).isLessThanOrEqualTo(4);
            assertThat(outcome.span()).isLessThanOrEqualTo(Duration.ofSeconds(92));
        }
    }

    @Nested
    class Stops {
        private final Clock clock = Clock.systemUTC();

        private WritePolicy realTimePolicy() {
            return new WritePolicy(
                    "write", 100, TenantFixtures.settings(8443), stats, clock, Sleeper.real(), () -> 0.5);
        }

        /** Four senders waiting in the policy, as threads in TIMED_WAITING. */
        private List<Future<Instant>> fourWaitingSenders(WritePolicy policy, ExecutorService pool) {
            List<Thread> threads = new CopyOnWriteArrayList<>();
            List<Future<Instant>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(pool.submit(() -> {
                    threads.add(Thread.currentThread());
                    return policy.acquire("row", new Attempt(1, clock.instant().plus(Duration.ofHours(1))));
                }));
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> threads.size() == 4
                            && threads.stream().allMatch(t -> t.getState() == Thread.State.TIMED_WAITING));
            return senders;
        }

        @Test
        void should_wake_every_waiting_sender_and_give_up_when_a_retry_after_exceeds_the_cap() throws Exception {
            // given: four senders wait out a 60 s pause (the cap is 5 minutes)
            WritePolicy policy = realTimePolicy();
            policy.throttled(clock.instant(), Duration.ofSeconds(60), "row 1", 1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Instant>> senders = fourWaitingSenders(policy, pool);

            // when: a 429 asks for 15 minutes
            assertThatThrownBy(() -> policy.throttled(clock.instant(), Duration.ofMinutes(15), "row 2", 1))
                    .isInstanceOf(ThrottleWaitTooLongException.class);

            // then: none waits for the 60 s
            for (Future<Instant> sender : senders) {
                assertThatThrownBy(() -> sender.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(ThrottleWaitTooLongException.class);
            }
            pool.shutdown();
        }

        @Test
        void should_wake_every_waiting_sender_and_give_up_when_the_run_stops() throws Exception {
            // given
            WritePolicy policy = realTimePolicy();
            policy.throttled(clock.instant(), Duration.ofSeconds(60), "row 1", 1);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<Instant>> senders = fourWaitingSenders(policy, pool);

            // when
            policy.stop();

            // then
            for (Future<Instant> sender : senders) {
                assertThatThrownBy(() -> sender.get(10, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class)
                        .cause()
                        .isInstanceOf(RunInterruptedException.class)
                        .satisfies(e -> assertThat(((RunStoppingException) e).runStatus())
                                .isEqualTo(RunStoppingException.RunStatus.STOPPED));
            }
            pool.shutdown();
        }

        @Test
        void should_still_send_what_may_go_at_once_after_a_stop() {
            WritePolicy policy = policy(100);
            policy.stop();

            assertThat(policy.acquire("row", NO_HURRY)).isEqualTo(START);
        }

        @Test
        void should_give_up_a_backoff_when_the_run_stops() {
            WritePolicy policy = policy(100);
            policy.stop();

            assertThatThrownBy(() -> policy.execute("row", attempt -> {
                        throw TransientFailure.status(503, "unavailable");
                    }))
                    .isInstanceOf(RunInterruptedException.class);
            assertThat(time.waits()).isEmpty();
        }

        @Test
        void should_stop_at_once_on_a_huge_retry_after_without_overflowing() {
            WritePolicy policy = policy(100);
            Duration huge = RetryAfter.parse("99999999999999999999999", START, Duration.ofSeconds(1));

            assertThatThrownBy(() -> policy.throttled(START, huge, "row", 1))
                    .isInstanceOf(ThrottleWaitTooLongException.class);
            assertThatThrownBy(() -> policy.acquire("another row", NO_HURRY))
                    .isInstanceOf(ThrottleWaitTooLongException.class);
            assertThat(time.waits()).isEmpty();
        }
    }

    @Nested
    class Retry_after {
        @Test
        void should_read_seconds_and_http_dates_and_clamp_to_a_day() {
            assertThat(RetryAfter.parse("13", START, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(13));
            assertThat(RetryAfter.parse("Wed, 01 Jan 2025 00:00:10 GMT", START, Duration.ofSeconds(1)))
                    .isEqualTo(Duration.ofSeconds(10));
            assertThat(RetryAfter.parse("Tue, 31 Dec 2024 23:00:00 GMT", START, Duration.ofSeconds(1)))
                    .isZero();
            assertThat(RetryAfter.parse("9223372036854775807", START, Duration.ofSeconds(1)))
                    .isEqualTo(Duration.ofDays(1));
            assertThat(RetryAfter.parse("soon", START, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
            assertThat(RetryAfter.parse(null, START, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Nested
    class Retries {
        @Test
        void should_draw_the_backoff_from_zero_to_an_exponential_ceiling() {
            WritePolicy policy =
                    new WritePolicy("write", 100, TenantFixtures.settings(8443), stats, time, time, () -> 0.999_999);

            // 1 s, 2 s, 4 s ... capped at maxBackoff 60 s
            assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(999));
            assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(3999));
            assertThat(policy.backoff(7)).isEqualTo(Duration.ofMillis(59_999));
            assertThat(policy.backoff(40)).isEqualTo(Duration.ofMillis(59_999));
        }

        @Test
        void should_allow_a_zero_wait_with_full_jitter() {
            WritePolicy policy =
                    new WritePolicy("write", 100, TenantFixtures.settings(8443), stats, time, time, () -> 0.0);

            assertThat(policy.backoff(5)).isZero();
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 503, 504})
        void should_treat_gateway_and_unavailable_statuses_as_transient(int status) {
            assertThat(WritePolicy.isTransientStatus(status)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 409, 429, 500})
        void should_not_retry_other_statuses(int status) {
            assertThat(WritePolicy.isTransientStatus(status)).isFalse();
        }
    }
}

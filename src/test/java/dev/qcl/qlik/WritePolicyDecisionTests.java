package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

import dev.qcl.qlik.WritePolicy.Attempt;
import dev.qcl.qlik.WritePolicy.SendNow;
import dev.qcl.qlik.WritePolicy.WaitUntil;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The write policy's answers one by one (send now, wait until when and why), and who wakes a waiting sender. */
class WritePolicyDecisionTests {
    private static final Instant START = FakeTime.START;
    private static final Attempt NO_HURRY = new Attempt(1, START.plus(Duration.ofDays(1)));

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();
    private final ExecutorService senders = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sender");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopSenders() {
        senders.shutdownNow();
    }

    private WritePolicy policy(int perMinute, Duration window, Sleeper sleeper) {
        QlikSettings windowed = TenantFixtures.windowed(perMinute, window);
        return new WritePolicy("write", perMinute, windowed, stats, time, sleeper, () -> 0.5);
    }

    private WritePolicy policy(int perMinute, Duration window) {
        return policy(perMinute, window, time);
    }

    @Nested
    class Decisions {
        @Test
        void should_send_now_when_the_window_has_room() {
            WritePolicy policy = policy(100, Duration.ofMinutes(5));

            assertThat(policy.decide("row", NO_HURRY)).isEqualTo(new SendNow(START));
        }

        @Test
        void should_wait_for_an_answer_when_the_window_is_full_of_sends_in_flight() {
            // given: one a minute, and it is on its way
            WritePolicy policy = policy(1, Duration.ofMinutes(1));
            policy.acquire("first", NO_HURRY);

            // when / then
            assertThat(policy.decide("second", NO_HURRY)).isEqualTo(new WaitUntil(null, "the write window"));
        }

        @Test
        void should_wait_out_the_tenants_pause() {
            // given
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(13), "row 1", 1);

            // when / then
            assertThat(policy.decide("row 2", NO_HURRY))
                    .isEqualTo(new WaitUntil(START.plusSeconds(13), "the tenant's pause"));
        }

        @Test
        void should_wait_out_the_pause_when_only_an_answer_would_make_room_before_it() {
            // given: two a minute; one on its way, the other refused with a 10 s pause
            WritePolicy policy = policy(2, Duration.ofMinutes(1));
            policy.acquire("a", NO_HURRY);
            policy.throttled(policy.acquire("b", NO_HURRY), Duration.ofSeconds(10), "b", 1);

            // when / then
            assertThat(policy.decide("c", NO_HURRY))
                    .isEqualTo(new WaitUntil(START.plusSeconds(10), "the tenant's pause"));
        }

        @Test
        void should_wait_for_the_window_when_it_frees_later_than_the_pause_ends() {
            // given: two a minute; one answered at once, the other refused with a 10 s pause, which
            // teaches one per 30 s
            WritePolicy policy = policy(2, Duration.ofMinutes(1));
            policy.answered(policy.acquire("a", NO_HURRY));
            policy.throttled(policy.acquire("b", NO_HURRY), Duration.ofSeconds(10), "b", 1);

            // when / then
            assertThat(policy.decide("c", NO_HURRY))
                    .isEqualTo(new WaitUntil(START.plusSeconds(30), "the tenant's pause"));
        }

        @Test
        void should_let_one_request_go_first_when_the_tenants_pause_ends() {
            // given: a 429 asked for 13 s
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(13), "row 1", 1);
            time.advance(Duration.ofSeconds(13));

            // when: the first sender goes
            Instant probe = policy.acquire("row 1", NO_HURRY);

            // then: the others wait for its answer, not all of them for a 429 of their own
            assertThat(policy.decide("row 2", NO_HURRY))
                    .isEqualTo(new WaitUntil(null, "the first answer after the tenant's pause"));
            policy.answered(probe);
            assertThat(policy.decide("row 2", NO_HURRY)).isEqualTo(new SendNow(START.plusSeconds(13)));
            assertThat(policy.decide("row 3", NO_HURRY)).isEqualTo(new SendNow(START.plusSeconds(13)));
        }

        @Test
        void should_let_another_request_go_first_when_the_first_after_the_pause_is_refused_again() {
            // given: a 13 s pause, and the first request after it refused for 2 s more
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(13), "row 1", 1);
            time.advance(Duration.ofSeconds(13));
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(2), "row 1", 1);
            time.advance(Duration.ofSeconds(2));

            // when
            Instant probe = policy.acquire("row 1", NO_HURRY);

            // then
            assertThat(probe).isEqualTo(START.plusSeconds(15));
            assertThat(policy.decide("row 2", NO_HURRY))
                    .isEqualTo(new WaitUntil(null, "the first answer after the tenant's pause"));
        }

        @Test
        void should_send_the_first_request_after_the_pause_once_those_sent_before_it_are_answered() {
            // given: one request still on its way when the 5 s pause that another's 429 asked for ends
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            Instant early = policy.acquire("early", NO_HURRY);
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(5), "row 1", 1);
            time.advance(Duration.ofSeconds(5));
            assertThat(policy.decide("row 1", NO_HURRY))
                    .isEqualTo(new WaitUntil(null, "the first answer after the tenant's pause"));

            // when: it is answered; it left before the pause, so its answer says nothing of the tenant now
            policy.answered(early);
            Instant probe = policy.acquire("row 1", NO_HURRY);

            // then: one request goes, then the rest once it got through
            assertThat(probe).isEqualTo(START.plusSeconds(5));
            assertThat(policy.decide("row 2", NO_HURRY)).isInstanceOf(WaitUntil.class);
            policy.answered(probe);
            assertThat(policy.decide("row 2", NO_HURRY)).isEqualTo(new SendNow(START.plusSeconds(5)));
        }

        @Test
        void should_pause_but_go_on_when_retry_after_is_exactly_the_cap() {
            // given: the cap is 5 minutes
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            Instant refused = policy.acquire("row 1", NO_HURRY);

            // when / then
            assertThatCode(() -> policy.throttled(refused, Duration.ofMinutes(5), "row 1", 1))
                    .doesNotThrowAnyException();
            assertThat(policy.acquire("row 2", NO_HURRY)).isEqualTo(START.plus(Duration.ofMinutes(5)));
        }

        @Test
        void should_show_how_long_the_pause_still_holds() {
            // given
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            assertThat(policy.view().pausedFor()).isZero();
            policy.throttled(policy.acquire("row 1", NO_HURRY), Duration.ofSeconds(13), "row 1", 1);

            // when / then
            assertThat(policy.view().pausedFor()).isEqualTo(Duration.ofSeconds(13));
            time.advance(Duration.ofSeconds(10));
            assertThat(policy.view().pausedFor()).isEqualTo(Duration.ofSeconds(3));
            time.advance(Duration.ofSeconds(3));
            assertThat(policy.view().pausedFor()).isZero();
        }

        @Test
        void should_say_it_is_stopping_only_once_stopped() {
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            assertThat(policy.stopping()).isFalse();

            policy.stop();

            assertThat(policy.stopping()).isTrue();
        }

        @Test
        void should_give_a_send_that_never_reached_the_tenant_its_slot_back() {
            // given: one a minute, and it could not connect
            WritePolicy policy = policy(1, Duration.ofMinutes(1));
            policy.notSent(policy.acquire("first", NO_HURRY));

            // when / then
            assertThat(policy.decide("again", NO_HURRY)).isEqualTo(new SendNow(START));
        }
    }

    @Nested
    class Wake_ups {
        /** Waits only for a signal, however long the wait asked for: a sender moves on only when woken. */
        private final Sleeper untilSignalled = new Sleeper() {
            @Override
            public void sleep(Duration duration) {
                throw new AssertionError("a policy waits on its condition, it does not sleep");
            }

            @Override
            public void await(Condition wake, Duration duration) throws InterruptedException {
                wake.await();
            }
        };

        /** A sender on another thread, once it waits in the policy. */
        private Future<Instant> waitingSender(WritePolicy policy) {
            AtomicReference<Thread> thread = new AtomicReference<>();
            Future<Instant> sender = senders.submit(() -> {
                thread.set(Thread.currentThread());
                return policy.acquire("waiting", NO_HURRY);
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> thread.get() != null && thread.get().getState() == Thread.State.WAITING);
            return sender;
        }

        @Test
        void should_wake_a_waiting_sender_when_a_send_did_not_reach_the_tenant() throws Exception {
            // given: one a minute, on its way, and a sender waiting for its answer
            WritePolicy policy = policy(1, Duration.ofMinutes(1), untilSignalled);
            Instant first = policy.acquire("first", NO_HURRY);
            Future<Instant> waiting = waitingSender(policy);

            // when
            policy.notSent(first);

            // then
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(START);
        }

        @Test
        void should_wake_a_waiting_sender_on_every_answer() throws Exception {
            // given: two a minute, both on their way, and a sender waiting for an answer
            WritePolicy policy = policy(2, Duration.ofMinutes(1), untilSignalled);
            Instant a = policy.acquire("a", NO_HURRY);
            Instant b = policy.acquire("b", NO_HURRY);
            Future<Instant> waiting = waitingSender(policy);

            // when: a is answered (the sender now waits for a's minute), a minute later b is
            policy.answered(a);
            time.advance(Duration.ofMinutes(1));
            policy.answered(b);

            // then: a left the window, b's answer holds one slot, one is free
            assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(START.plus(Duration.ofMinutes(1)));
        }

        @Test
        void should_let_other_senders_in_after_each_of_its_calls() throws Exception {
            // given: one sender goes through every call of the policy, a backoff included
            WritePolicy policy = policy(100, Duration.ofMinutes(5));
            policy.notSent(policy.acquire("not sent", NO_HURRY));
            policy.answered(policy.acquire("answered", NO_HURRY));
            policy.throttled(policy.acquire("throttled", NO_HURRY), Duration.ofSeconds(1), "throttled", 1);
            policy.view();
            policy.stopping();
            AtomicInteger calls = new AtomicInteger();
            policy.execute("retried", attempt -> {
                if (calls.incrementAndGet() == 1) {
                    throw TransientFailure.status(503, "busy");
                }
                return "done";
            });

            // when: another thread asks
            Future<BudgetView> other = senders.submit(policy::view);

            // then: no lock was left held
            assertThat(other.get(5, TimeUnit.SECONDS).capacity()).isEqualTo(500);
        }
    }
}

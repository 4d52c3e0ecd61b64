package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.qlik.WindowBudget.Limit;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One tier's sliding window on its own: when the next send may leave, what is left, what 429s teach. */
class WindowBudgetTests {
    private static final Instant T0 = FakeTime.START;

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    /** A send that left at {@code start} and was answered at {@code end}. */
    private static void answered(WindowBudget budget, Instant start, Instant end) {
        budget.reserve();
        budget.answered(start, end);
    }

    /** A send that left at {@code start} and was refused with a 429 at {@code now}. */
    private static void refused(WindowBudget budget, Instant start, Instant now, Duration retryAfter) {
        budget.reserve();
        budget.released();
        budget.throttled(start, now, retryAfter);
    }

    /** 500 per 5 minutes configured; ten sends at T0, then a 429 asking for 30 s: the tenant holds 10 per 30 s. */
    private static WindowBudget learnedTenPerThirtySeconds() {
        WindowBudget budget = new WindowBudget(100, Duration.ofMinutes(5));
        for (int i = 0; i < 10; i++) {
            answered(budget, T0, T0);
        }
        refused(budget, T0, T0, Duration.ofSeconds(30));
        return budget;
    }

    @Nested
    class Earliest {
        @Test
        void should_wait_for_the_learned_window_when_it_is_stricter_than_the_configured_one() {
            // given
            WindowBudget budget = learnedTenPerThirtySeconds();

            // when / then: the configured window has room, the learned one frees its oldest send at T0 + 30 s
            assertThat(budget.earliest(at(1))).isEqualTo(at(30));
            assertThat(budget.earliest(at(30))).isEqualTo(at(30));
        }

        @Test
        void should_wait_for_an_answer_when_the_learned_window_is_full_of_sends_in_flight() {
            // given: the ten learned sends all on their way
            WindowBudget budget = learnedTenPerThirtySeconds();
            for (int i = 0; i < 10; i++) {
                budget.reserve();
            }

            // when / then: no instant helps, only an answer
            assertThat(budget.earliest(at(30))).isNull();
        }
    }

    @Nested
    class Left {
        @Test
        void should_leave_the_capacity_less_the_sends_in_flight_and_those_answered_in_the_window() {
            // given: 10 per minute; three answered at T0, two on their way
            WindowBudget budget = new WindowBudget(10, Duration.ofMinutes(1));
            for (int i = 0; i < 3; i++) {
                answered(budget, T0, T0);
            }
            budget.reserve();
            budget.reserve();

            // when / then
            assertThat(budget.left(T0)).isEqualTo(5);
            assertThat(budget.left(at(60))).isEqualTo(8);
        }

        @Test
        void should_leave_what_the_learned_window_allows_when_that_is_less() {
            // given: 10 per 30 s learned; three more answered and two on their way after it passed
            WindowBudget budget = learnedTenPerThirtySeconds();
            for (int i = 0; i < 3; i++) {
                answered(budget, at(31), at(31));
            }
            budget.reserve();
            budget.reserve();

            // when / then: 500 - 2 - 13 configured, 10 - 2 - 3 learned
            assertThat(budget.left(at(31))).isEqualTo(5);
        }

        @Test
        void should_never_say_less_than_nothing_is_left() {
            // given
            WindowBudget budget = learnedTenPerThirtySeconds();
            budget.reserve();

            // when / then: 10 answered and 1 in flight against 10 learned
            assertThat(budget.left(at(1))).isZero();
        }
    }

    @Nested
    class Learning {
        @Test
        void should_learn_the_window_from_the_oldest_send_it_holds_to_the_end_of_the_pause() {
            // given: one slow send left at T0 (answered at T0 + 1 s), five more at T0 + 5 s
            WindowBudget budget = new WindowBudget(100, Duration.ofMinutes(5));
            answered(budget, T0, at(1));
            for (int i = 0; i < 5; i++) {
                answered(budget, at(5), at(5));
            }

            // when: a 429 at T0 + 10 s asks for 20 s
            refused(budget, at(10), at(10), Duration.ofSeconds(20));

            // then: six sends from T0 until T0 + 30 s
            assertThat(budget.current()).isEqualTo(new Limit(6, Duration.ofSeconds(30)));
            assertThat(budget.ceiling()).isEqualTo(budget.current());
        }

        @Test
        void should_keep_the_first_429_as_the_ceiling_after_five_sends() {
            // given
            WindowBudget budget = new WindowBudget(100, Duration.ofMinutes(5));
            for (int i = 0; i < 5; i++) {
                answered(budget, T0, T0);
            }

            // when
            refused(budget, at(1), at(1), Duration.ofSeconds(30));

            // then
            assertThat(budget.ceiling()).isEqualTo(new Limit(5, Duration.ofSeconds(31)));
        }

        @Test
        void should_not_keep_a_429_after_four_sends_as_the_ceiling() {
            // given
            WindowBudget budget = new WindowBudget(100, Duration.ofMinutes(5));
            for (int i = 0; i < 4; i++) {
                answered(budget, T0, T0);
            }

            // when
            refused(budget, at(1), at(1), Duration.ofSeconds(30));

            // then: kept to for now, but not as what the tenant allows
            assertThat(budget.current()).isEqualTo(new Limit(4, Duration.ofSeconds(31)));
            assertThat(budget.ceiling()).isNull();
        }

        @Test
        void should_keep_a_429_after_one_send_as_the_ceiling_when_the_window_holds_only_one() {
            // given: 1 a minute over 1 minute
            WindowBudget budget = new WindowBudget(1, Duration.ofMinutes(1));
            answered(budget, T0, T0);

            // when
            refused(budget, at(1), at(1), Duration.ofSeconds(59));

            // then
            assertThat(budget.ceiling()).isEqualTo(new Limit(1, Duration.ofMinutes(1)));
        }

        @Test
        void should_learn_the_window_of_the_sends_the_tenant_held_when_sends_in_flight_are_refused_too() {
            // given: 100 a minute configured; two sends on their way and 50 answered within the first half second
            WindowBudget budget = new WindowBudget(100, Duration.ofMinutes(5));
            budget.reserve();
            budget.reserve();
            for (int i = 0; i < 50; i++) {
                answered(budget, T0, T0.plusMillis(10 * i));
            }

            // when: a third send is refused, asking for 30 s, and then the two on their way (the same event)
            refused(budget, T0.plusMillis(550), T0.plusMillis(600), Duration.ofSeconds(30));
            for (int i = 0; i < 2; i++) {
                budget.released();
                budget.throttled(T0.plusMillis(500), T0.plusMillis(610), Duration.ofSeconds(30));
            }

            // then: the tenant held 50 per 30 s, which the configured rate allows too (52 would take 31.2 s)
            assertThat(budget.ceiling()).isEqualTo(new Limit(50, Duration.ofSeconds(30)));
            assertThat(budget.current()).isEqualTo(budget.ceiling());
        }

        @Test
        void should_slow_down_from_the_pace_already_lowered_on_every_further_429() {
            // given: 10 per 30 s learned at T0
            WindowBudget budget = learnedTenPerThirtySeconds();

            // when: a 429 under it in each of the next seconds (new events: their sends left after the last one)
            refused(budget, at(1), at(1), Duration.ofSeconds(1));
            Limit afterOne = budget.current();
            refused(budget, at(2), at(2), Duration.ofSeconds(1));
            Limit afterTwo = budget.current();
            refused(budget, at(3), at(3), Duration.ofSeconds(1));
            refused(budget, at(4), at(4), Duration.ofSeconds(1));
            Limit atTheConfiguredWindow = budget.current();
            refused(budget, at(5), at(5), Duration.ofSeconds(1));

            // then: the window doubles up to the configured 5 minutes, then the capacity halves
            assertThat(afterOne).isEqualTo(new Limit(10, Duration.ofSeconds(60)));
            assertThat(afterTwo).isEqualTo(new Limit(10, Duration.ofSeconds(120)));
            assertThat(atTheConfiguredWindow).isEqualTo(new Limit(10, Duration.ofMinutes(5)));
            assertThat(budget.current()).isEqualTo(new Limit(5, Duration.ofMinutes(5)));
            assertThat(budget.ceiling()).isEqualTo(new Limit(10, Duration.ofSeconds(30)));
        }
    }

    @Nested
    class Learning_again {
        /**
         * 360 a minute configured over 5 minutes; 30 sends answered at T0, then a 429 at 0.2 s asking
         * for 7 s: another client's burst leaves the tenant's window then, so 30 per 7 s is learned.
         */
        private WindowBudget learnedThirtyPerSevenSeconds() {
            WindowBudget budget = new WindowBudget(360, Duration.ofMinutes(5));
            for (int i = 0; i < 30; i++) {
                answered(budget, T0, T0);
            }
            Instant refused = T0.plusMillis(200);
            refused(budget, refused, refused, Duration.ofSeconds(7));
            return budget;
        }

        @Test
        void should_lengthen_the_learned_window_when_the_tenant_still_holds_our_last_sends_after_its_pause() {
            // given
            WindowBudget budget = learnedThirtyPerSevenSeconds();
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(7)));

            // when: the first send after the pause is refused too, for 3 s: the other client's next burst came
            Instant probe = T0.plusMillis(7_200);
            refused(budget, probe, probe, Duration.ofSeconds(3));

            // then: our 30 leave at 10 s, so the tenant holds them 10 s, and no halving on top
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(10)));
            assertThat(budget.current()).isEqualTo(budget.ceiling());
            assertThat(budget.earliest(at(8))).isEqualTo(at(10));
        }

        @Test
        void should_take_the_shortest_whole_seconds_that_fit_the_rounded_up_retry_after() {
            // given: the oldest of our 30 was answered 0.4 s after it left
            WindowBudget budget = new WindowBudget(360, Duration.ofMinutes(5));
            answered(budget, T0, T0.plusMillis(400));
            for (int i = 1; i < 30; i++) {
                answered(budget, T0.plusMillis(400), T0.plusMillis(400));
            }
            refused(budget, T0.plusMillis(500), T0.plusMillis(500), Duration.ofSeconds(7));

            // when: a 429 at 7.6 s asks for 3 s, rounded up: the tenant has room after 9.6 s, by 10.6 s
            refused(budget, T0.plusMillis(7_600), T0.plusMillis(7_600), Duration.ofSeconds(3));

            // then: it counted our oldest between 0 and 0.4 s, so its window is longer than 9.2 s, at most
            // 10.6 s: the shortest whole seconds are 10, not the 11 s that 10.6 s after 0 - 0 would round to
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(10)));
        }

        @Test
        void should_give_the_longest_window_back_when_a_429_comes_in_the_last_second_of_the_lengthened_one() {
            // given: lengthened to 10 s (of up to 10.6 s) by a 429 at 7.6 s
            WindowBudget budget = learnedThirtyPerSevenSeconds();
            Instant probe = T0.plusMillis(7_600);
            refused(budget, probe, probe, Duration.ofSeconds(3));

            // when: the next send, at 10 s, is refused for a second
            refused(budget, at(10), at(10), Duration.ofSeconds(1));

            // then: the 0.6 s rounded off is given back, not the pace halved
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofMillis(10_600)));
            assertThat(budget.current()).isEqualTo(budget.ceiling());
        }

        @Test
        void should_halve_rather_than_lengthen_again_when_no_send_got_through_since_the_last_lengthening() {
            // given: lengthened to 10 s at 7.2 s
            WindowBudget budget = learnedThirtyPerSevenSeconds();
            Instant probe = T0.plusMillis(7_200);
            refused(budget, probe, probe, Duration.ofSeconds(3));

            // when: the next send, at 10.2 s, is refused for 2 s: the tenant frees its slots one by one
            Instant next = T0.plusMillis(10_200);
            refused(budget, next, next, Duration.ofSeconds(2));

            // then: the lengthened window stays the ceiling; the pace halves for now
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(10)));
            assertThat(budget.current()).isEqualTo(new Limit(30, Duration.ofSeconds(20)));
        }

        @Test
        void should_not_lengthen_the_window_when_our_last_sends_went_over_more_than_the_learned_window() {
            // given: 10 per 30 s learned at T0; five more answered at 31 s
            WindowBudget budget = learnedTenPerThirtySeconds();
            for (int i = 0; i < 5; i++) {
                answered(budget, at(31), at(31));
            }

            // when: a 429 at 32 s asks for 20 s
            refused(budget, at(32), at(32), Duration.ofSeconds(20));

            // then: the five sent at T0 may have left the tenant's window long ago: the pace halves for now
            assertThat(budget.ceiling()).isEqualTo(new Limit(10, Duration.ofSeconds(30)));
            assertThat(budget.current()).isEqualTo(new Limit(10, Duration.ofSeconds(60)));
        }

        @Test
        void should_keep_the_halved_pace_when_the_learned_window_was_only_the_configured_rates() {
            // given: 120 a minute configured; 30 sent at T0, then a 429 asking for 1 s: not faster than
            // 120 a minute, 30 per 15 s is kept, although the tenant showed no window that long
            WindowBudget budget = new WindowBudget(120, Duration.ofMinutes(5));
            for (int i = 0; i < 30; i++) {
                answered(budget, T0, T0);
            }
            Instant first = T0.plusMillis(200);
            refused(budget, first, first, Duration.ofSeconds(1));
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(15)));

            // when: at that pace the next send is refused for a second too (another client writes evenly)
            refused(budget, at(15), at(15), Duration.ofSeconds(1));

            // then: the guess was too fast; half of it is what the tenant allows, for the rest of the run
            assertThat(budget.ceiling()).isEqualTo(new Limit(30, Duration.ofSeconds(30)));
            assertThat(budget.current()).isEqualTo(budget.ceiling());
            budget.earliest(at(120));
            assertThat(budget.current()).isEqualTo(new Limit(30, Duration.ofSeconds(30)));
        }
    }

    @Nested
    class Memory {
        @Test
        void should_forget_old_answers_when_asked_for_the_earliest_send_with_a_short_window() {
            // given: 10 answers in any minute, for 10,000 answers
            WindowBudget budget = new WindowBudget(60, Duration.ofMinutes(1));
            Instant now = T0;

            // when
            for (int i = 0; i < 10_000; i++) {
                now = T0.plusSeconds(6L * i);
                budget.earliest(now);
                answered(budget, now, now);
            }

            // then: the window's 10 and at most 1,024 older ones are kept
            assertThat(budget.remembered()).isBetween(10, 1_100);
            assertThat(budget.left(now)).isEqualTo(50);
        }

        @Test
        void should_forget_old_answers_when_asked_what_is_left() {
            // given
            WindowBudget budget = new WindowBudget(60, Duration.ofMinutes(1));
            Instant now = T0;

            // when
            for (int i = 0; i < 10_000; i++) {
                now = T0.plusSeconds(6L * i);
                budget.left(now);
                answered(budget, now, now);
            }

            // then
            assertThat(budget.remembered()).isBetween(10, 1_100);
        }

        @Test
        void should_forget_old_answers_when_the_window_holds_thousands() {
            // given: 3,000 answers in any 5 minutes, for 20,000 answers
            WindowBudget budget = new WindowBudget(600, Duration.ofMinutes(5));
            Instant now = T0;

            // when
            for (int i = 0; i < 20_000; i++) {
                now = T0.plusMillis(100L * i);
                budget.earliest(now);
                answered(budget, now, now);
            }

            // then: the window's 3,000 and at most as many older ones
            assertThat(budget.remembered()).isBetween(3_000, 6_100);
            assertThat(budget.left(now)).isEqualTo(0);
        }
    }
}

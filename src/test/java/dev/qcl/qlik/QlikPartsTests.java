package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.qlik.failure.TenantUnreachableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small parts of the client: Retry-After, how an I/O failure is classified, identities, outcomes, sleepers. */
class QlikPartsTests {
    private static final Instant NOW = FakeTime.START;

    @Nested
    class Retry_after {
        @Test
        void should_read_seconds_around_blanks_and_fall_back_on_a_blank_header() {
            assertThat(RetryAfter.parse(" 13 ", NOW, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(13));
            assertThat(RetryAfter.parse("  ", NOW, Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
            assertThat(RetryAfter.parse("0", NOW, Duration.ofSeconds(2))).isZero();
        }

        @Test
        void should_clamp_a_fallback_longer_than_a_day() {
            assertThat(RetryAfter.parse(null, NOW, Duration.ofDays(2))).isEqualTo(Duration.ofDays(1));
            assertThat(RetryAfter.parse("86400", NOW, Duration.ZERO)).isEqualTo(Duration.ofDays(1));
            assertThat(RetryAfter.parse("86399", NOW, Duration.ZERO)).isEqualTo(Duration.ofSeconds(86_399));
        }
    }

    @Nested
    class Transient_failures {
        @Test
        void should_take_a_failure_to_connect_as_not_sent() {
            for (Throwable cause : List.of(
                    new ConnectException("refused"),
                    new HttpConnectTimeoutException("connect timed out"),
                    new UnknownHostException("acme.example"),
                    new UnresolvedAddressException())) {
                TransientFailure failure = TransientFailure.io(new IOException("wrapped", cause));

                assertThat(failure.kind()).as(cause.toString()).isEqualTo(TransientFailure.Kind.NOT_SENT);
                assertThat(failure.httpStatus()).isZero();
                assertThat(failure)
                        .hasMessage("could not connect (" + cause.getClass().getSimpleName() + ")");
            }
        }

        @Test
        void should_take_a_read_timeout_and_a_dropped_connection_as_an_unknown_outcome() {
            TransientFailure timeout = TransientFailure.io(new IOException("x", new HttpTimeoutException("timed out")));
            TransientFailure dropped = TransientFailure.io(new IOException("reset by peer"));

            assertThat(timeout.kind()).isEqualTo(TransientFailure.Kind.OUTCOME_UNKNOWN);
            assertThat(timeout).hasMessage("no response before the read timeout");
            assertThat(dropped.kind()).isEqualTo(TransientFailure.Kind.OUTCOME_UNKNOWN);
            assertThat(dropped).hasMessage("connection dropped (IOException)");
        }

        @Test
        void should_describe_a_root_that_is_not_an_exception_of_io_by_its_text() {
            TransientFailure failure = TransientFailure.io(new IOException("x", new StackOverflowError("deep")));

            assertThat(failure).hasMessage("connection dropped (java.lang.StackOverflowError: deep)");
        }

        @Test
        void should_stop_at_a_cause_that_is_itself() {
            IOException selfCaused = new IOException("loop") {
                @Override
                public synchronized Throwable getCause() {
                    return this;
                }
            };

            assertThat(TransientFailure.io(selfCaused).kind()).isEqualTo(TransientFailure.Kind.OUTCOME_UNKNOWN);
        }

        @Test
        void should_keep_the_status_of_a_transient_answer() {
            TransientFailure status = TransientFailure.status(503, "busy");
            TransientFailure unreadable = TransientFailure.unreadableSuccess(201);

            assertThat(status.kind()).isEqualTo(TransientFailure.Kind.STATUS);
            assertThat(status.httpStatus()).isEqualTo(503);
            assertThat(status).hasMessage("HTTP 503: busy");
            assertThat(unreadable.kind()).isEqualTo(TransientFailure.Kind.OUTCOME_UNKNOWN);
            assertThat(unreadable.httpStatus()).isEqualTo(201);
            assertThat(unreadable)
                    .hasMessage("HTTP 201 with an empty or unreadable body, and the name was not found on look-up");
        }
    }

    @Nested
    class Identities {
        @Test
        void should_tidy_an_oauth_clients_id_and_scopes_and_default_its_renewal() {
            Identity.OAuthClient client = new Identity.OAuthClient(
                    " nightly ", "s3cret", Arrays.asList(" user_default ", null, " ", "admin_classic"), null);

            assertThat(client.clientId()).isEqualTo("nightly");
            assertThat(client.scopes()).containsExactly("user_default", "admin_classic");
            assertThat(client.renewBefore()).isEqualTo(Duration.ofSeconds(60));
            assertThat(client.describe()).isEqualTo("OAuth client 'nightly'");
            assertThat(client)
                    .hasToString(
                            "OAuthClient[clientId=nightly, clientSecret=****, scopes=[user_default, admin_classic],"
                                    + " renewBefore=PT1M]");
            assertThat(new Identity.OAuthClient("c", "s", null, Duration.ZERO).scopes())
                    .isEmpty();
        }

        @Test
        void should_refuse_an_oauth_client_without_id_or_secret_or_with_a_negative_renewal() {
            assertThatThrownBy(() -> new Identity.OAuthClient(" ", "s", null, null))
                    .hasMessage("the OAuth client ID must not be blank");
            assertThatThrownBy(() -> new Identity.OAuthClient(null, "s", null, null))
                    .hasMessage("the OAuth client ID must not be blank");
            assertThatThrownBy(() -> new Identity.OAuthClient("c", " ", null, null))
                    .hasMessage("the OAuth client secret must not be blank");
            assertThatThrownBy(() -> new Identity.OAuthClient("c", null, null, null))
                    .hasMessage("the OAuth client secret must not be blank");
            assertThatThrownBy(() -> new Identity.OAuthClient("c", "s", null, Duration.ofSeconds(-1)))
                    .hasMessage("renewBefore must not be negative, got PT-1S");
        }

        @Test
        void should_refuse_a_missing_api_key_and_name_it_without_showing_it() {
            assertThatThrownBy(() -> new Identity.ApiKey(null)).hasMessage("the API key must not be blank");
            assertThat(new Identity.ApiKey("k").describe()).isEqualTo("the API key");
        }

        @Test
        void should_say_whether_a_401_refused_the_key_or_the_client_with_a_new_token() {
            assertThat(UnauthorizedException.of(new Identity.ApiKey("k"), "GET /spaces", "Unauthorized", 1))
                    .hasMessage("The tenant rejected the API key (HTTP 401) on GET /spaces: Unauthorized");
            assertThat(UnauthorizedException.of(
                            new Identity.OAuthClient("bot", "s", null, null), "GET /spaces", "Unauthorized", 2))
                    .hasMessage("The tenant rejected OAuth client 'bot' (HTTP 401, also with a new access token)"
                            + " on GET /spaces: Unauthorized")
                    .satisfies(e ->
                            assertThat(((UnauthorizedException) e).attempts()).isEqualTo(2));
        }

        @Test
        void should_stop_a_call_never_handed_to_the_tenant_without_counting_an_attempt() {
            RunInterruptedException notSent = RunInterruptedException.notSent("create of 'sales'");

            assertThat(notSent).hasMessage("The run is stopping; create of 'sales' was not sent");
            assertThat(notSent.attempts()).isZero();
            assertThat(notSent.runStatus()).isEqualTo(RunStoppingException.RunStatus.STOPPED);
        }

        @Test
        void should_name_the_unreachable_tenant_and_the_attempts() {
            TenantUnreachableException unreachable =
                    TenantUnreachableException.of("acme.example", "GET /spaces", "could not connect", 6, null);

            assertThat(unreachable)
                    .hasMessage("Tenant acme.example is unreachable: GET /spaces could not connect on 6 attempt(s)"
                            + " (could not connect)");
            assertThat(unreachable.attempts()).isEqualTo(6);
            assertThat(unreachable.httpStatus()).isZero();
        }
    }

    @Nested
    class Outcomes {
        @Test
        void should_say_how_a_created_connection_was_found() {
            assertThat(new CreateOutcome("c1", 201, 1, false).message()).isEmpty();
            assertThat(new CreateOutcome("c1", 200, 2, true).message())
                    .isEqualTo("created; the tenant did not answer, the name was found on look-up");
            assertThat(new CreateOutcome("c1", 201, 1, false, true).message())
                    .isEqualTo("created; the tenant's answer had no readable body, the name was found on look-up");
            assertThatThrownBy(() -> new CreateOutcome(null, 201, 1, false)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void should_say_whether_a_budget_learned_anything() {
            assertThat(new BudgetView(500, Duration.ofMinutes(5), 500, Duration.ZERO, 0, Duration.ZERO).learned())
                    .isFalse();
            assertThat(new BudgetView(500, Duration.ofMinutes(5), 500, Duration.ZERO, 1, Duration.ofSeconds(30))
                            .learned())
                    .isTrue();
        }

        @Test
        void should_keep_a_blank_space_as_the_personal_one_and_copy_what_it_is_given() {
            ExistingConnection connection = new ExistingConnection("c1", "Sales", "rest", " ", null, null);

            assertThat(connection.spaceId()).isNull();
            assertThat(connection.tags()).isEmpty();
            assertThat(connection.connectionProperties()).isEmpty();
            assertThatThrownBy(() -> new ExistingConnection(null, "Sales", "rest", null, null, null))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void should_put_the_space_and_the_tags_into_the_body_of_a_create_request_only_when_given() {
            CreateRequest request = new CreateRequest("rest", "Sales", " ", null, null, null);

            assertThat(request.spaceId()).isNull();
            assertThat(request.body()).doesNotContainKey("space").doesNotContainKey("tags");
            assertThat(new CreateRequest("rest", "Sales", null, null, List.of(), null).body())
                    .doesNotContainKey("tags");
            assertThat(new CreateRequest("rest", "Sales", "sp1", null, List.of("t"), null).body())
                    .containsEntry("space", "sp1")
                    .containsEntry("tags", List.of("t"));
        }
    }

    @Nested
    class Sleepers {
        private final ExecutorService thread = Executors.newSingleThreadExecutor();

        @Test
        void should_wait_on_the_condition_until_signalled() throws Exception {
            // given
            ReentrantLock lock = new ReentrantLock();
            Condition wake = lock.newCondition();
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<?> waiting = thread.submit(() -> {
                waiter.set(Thread.currentThread());
                lock.lock();
                try {
                    Sleeper.real().await(wake, Duration.ofHours(1));
                } finally {
                    lock.unlock();
                }
                return null;
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);

            // when
            lock.lock();
            try {
                wake.signalAll();
            } finally {
                lock.unlock();
            }

            // then
            waiting.get(5, TimeUnit.SECONDS);
            thread.shutdown();
        }

        @Test
        void should_block_a_real_sleep_until_interrupted() {
            // given
            AtomicReference<Thread> sleeper = new AtomicReference<>();
            Future<?> sleeping = thread.submit(() -> {
                sleeper.set(Thread.currentThread());
                Sleeper.real().sleep(Duration.ofHours(1));
                return null;
            });
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> sleeper.get() != null && sleeper.get().getState() == Thread.State.TIMED_WAITING);

            // when
            thread.shutdownNow();

            // then
            assertThatThrownBy(() -> sleeping.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(InterruptedException.class);
        }

        @Test
        void should_not_wait_for_nothing() throws Exception {
            ReentrantLock lock = new ReentrantLock();
            Condition wake = lock.newCondition();
            lock.lock();
            try {
                Sleeper.real().await(wake, Duration.ZERO);
                Sleeper.real().await(wake, Duration.ofSeconds(-1));
            } finally {
                lock.unlock();
            }
            Sleeper.real().sleep(Duration.ZERO);
            thread.shutdown();
        }
    }
}

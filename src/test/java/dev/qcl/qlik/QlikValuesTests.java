package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.qlik.WireTypes.ConnectionJson;
import dev.qcl.qlik.api.CreateOutcome;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.RunStoppingException;
import dev.qcl.qlik.failure.TenantUnreachableException;
import dev.qcl.qlik.failure.ThrottleWaitTooLongException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The client's records and exceptions: what they keep, what they refuse, what they never show. */
class QlikValuesTests {

    @Nested
    class Connections {
        @Test
        void should_take_the_connection_id_from_qID_and_else_from_id() {
            assertThat(connection("q1", "i1").connectionId()).isEqualTo("q1");
            assertThat(connection(" ", "i1").connectionId()).isEqualTo("i1");
            assertThat(connection(null, "i1").connectionId()).isEqualTo("i1");
        }

        @Test
        void should_turn_a_connection_of_the_wire_into_an_existing_connection() {
            ConnectionJson json = new ConnectionJson(
                    "q1", "i1", "Sales", "rest", "", List.of("a"), Map.of("host", "h"), "2026-01-02T03:04:05.678Z");

            assertThat(json.toExisting())
                    .isEqualTo(new ExistingConnection(
                            "q1",
                            "Sales",
                            "rest",
                            null,
                            List.of("a"),
                            Map.of("host", "h"),
                            "2026-01-02T03:04:05.678Z"));
        }

        @Test
        void should_keep_null_property_values_and_hide_all_values_when_shown() {
            Map<String, Object> properties = new HashMap<>();
            properties.put("password", "hunter2");
            properties.put("proxy", null);

            ExistingConnection connection = new ExistingConnection("c1", "Sales", "rest", " ", null, properties);

            assertThat(connection.connectionProperties()).containsEntry("proxy", null);
            assertThat(connection.spaceId()).isNull();
            assertThat(connection.tags()).isEmpty();
            assertThat(connection.toString()).doesNotContain("hunter2").contains("password");
        }

        @Test
        void should_leave_space_out_of_the_body_for_the_personal_space_and_hide_values_when_shown() {
            CreateRequest personal = new CreateRequest("rest", "Sales", " ", Map.of("password", "hunter2"), null, null);
            CreateRequest shared = new CreateRequest("rest", "Sales", "s1", null, List.of("t"), List.of("hunter2"));

            assertThat(personal.body()).containsOnlyKeys("dataSourceId", "qName", "connectionProperties");
            assertThat(personal.spaceId()).isNull();
            assertThat(personal.toString()).doesNotContain("hunter2").contains("password");
            assertThat(shared.body()).containsEntry("space", "s1").containsEntry("connectionProperties", Map.of());
            assertThat(List.copyOf(shared.body().keySet()))
                    .containsExactly("dataSourceId", "qName", "space", "connectionProperties", "tags");
        }

        @Test
        void should_refuse_a_create_request_without_a_data_source_or_a_name() {
            assertThatThrownBy(() -> new CreateRequest(" ", "Sales", null, null, null, null))
                    .hasMessage("dataSourceId must not be blank");
            assertThatThrownBy(() -> new CreateRequest("rest", null, null, null, null, null))
                    .hasMessage("qName must not be blank");
        }

        @Test
        void should_never_show_the_value_of_a_patch_operation() {
            assertThat(new PatchOperation("replace", "/connectionProperties/password", "hunter2").toString())
                    .doesNotContain("hunter2")
                    .contains("replace", "/connectionProperties/password");
        }

        @Test
        void should_need_at_least_one_attempt_for_a_created_connection() {
            assertThat(new CreateOutcome("c1", 201, 1, false).attempts()).isOne();
            assertThatThrownBy(() -> new CreateOutcome("c1", 201, 0, false))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void should_name_the_personal_space_or_the_space() {
            assertThat(ConnectionLookup.spaceLabel(null)).isEqualTo("the personal space");
            assertThat(ConnectionLookup.spaceLabel(" ")).isEqualTo("the personal space");
            assertThat(ConnectionLookup.spaceLabel("s1")).isEqualTo("space s1");
        }

        private ConnectionJson connection(String qId, String id) {
            return new ConnectionJson(qId, id, "Sales", "rest", null, null, null, null);
        }
    }

    @Nested
    class Responses {
        @Test
        void should_take_only_2xx_for_success() {
            assertThat(new RawResponse(199, null, null).isSuccess()).isFalse();
            assertThat(new RawResponse(200, null, null).isSuccess()).isTrue();
            assertThat(new RawResponse(299, null, null).isSuccess()).isTrue();
            assertThat(new RawResponse(300, null, null).isSuccess()).isFalse();
            assertThat(new RawResponse(204, null, null).bodyText()).isEmpty();
        }
    }

    @Nested
    class Failures {
        @Test
        void should_name_subject_status_and_attempts_when_the_tenant_rejects_a_call() {
            RejectedException byTenant = RejectedException.byTenant("row 3", 409, "Conflict", 1);
            RejectedException afterRetries = RejectedException.afterRetries("row 4", 503, "HTTP 503: busy", 6);
            RejectedException throttled = RejectedException.stillThrottled("row 5", 2);
            RejectedException unreadable = RejectedException.unreadable("row 6", 200, 1);

            assertThat(byTenant).hasMessage("row 3 was rejected with HTTP 409: Conflict");
            assertThat(byTenant.httpStatus()).isEqualTo(409);
            assertThat(afterRetries).hasMessage("row 4 failed after 6 attempt(s): HTTP 503: busy");
            assertThat(afterRetries.attempts()).isEqualTo(6);
            assertThat(throttled.httpStatus()).isEqualTo(429);
            assertThat(unreadable).hasMessage("row 6 returned HTTP 200 with a body that could not be read");
        }

        @Test
        void should_stop_the_run_as_failed_or_stopped_by_the_kind_of_failure() {
            assertThat(UnauthorizedException.of(new Identity.ApiKey("test-key"), "GET /spaces", "Unauthorized", 1)
                            .runStatus())
                    .isEqualTo(RunStoppingException.RunStatus.FAILED);
            assertThat(TenantUnreachableException.of("https://t", "GET /spaces", "refused", 6, null)
                            .runStatus())
                    .isEqualTo(RunStoppingException.RunStatus.FAILED);
            ThrottleWaitTooLongException tooLong =
                    ThrottleWaitTooLongException.of("write", "row 2", Duration.ofMinutes(10), Duration.ofMinutes(5), 1);
            assertThat(tooLong.runStatus()).isEqualTo(RunStoppingException.RunStatus.STOPPED);
            assertThat(tooLong.retryAfter()).isEqualTo(Duration.ofMinutes(10));
            assertThat(tooLong)
                    .hasMessage(
                            "The tenant asked to pause write requests for 600 s on row 2, longer than the allowed 300 s");
            assertThat(RunInterruptedException.of("row 2", new InterruptedException())
                            .runStatus())
                    .isEqualTo(RunStoppingException.RunStatus.STOPPED);
            assertThat(Thread.interrupted())
                    .as("the interrupt is kept for the caller")
                    .isTrue();
        }
    }

    @Nested
    class Counters {
        @Test
        void should_count_requests_retries_and_throttle_pauses() {
            HttpStats stats = new HttpStats();
            stats.recordRequest();
            stats.recordRequest();
            stats.recordRetry();
            stats.recordThrottled(250);

            assertThat(stats.requests()).isEqualTo(2);
            assertThat(stats.retries()).isOne();
            assertThat(stats.throttled()).isOne();
            assertThat(stats.throttleWaitMillis()).isEqualTo(250);
        }

        @Test
        void should_tell_the_listener_of_every_change_until_it_is_removed() {
            // given
            HttpStats stats = new HttpStats();
            java.util.concurrent.atomic.AtomicInteger heard = new java.util.concurrent.atomic.AtomicInteger();
            stats.onChange(heard::incrementAndGet);

            // when
            stats.recordRequest();
            stats.recordRetry();
            stats.recordThrottled(10);
            stats.onChange(null);
            stats.recordRequest();

            // then
            assertThat(heard).hasValue(3);
            assertThat(stats.snapshot().since(new HttpStats.Snapshot(1, 0, 0, 0)))
                    .isEqualTo(new HttpStats.Snapshot(1, 1, 1, 10));
        }
    }
}

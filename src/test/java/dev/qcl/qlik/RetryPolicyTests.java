package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTests {
    private final FakeTime time = new FakeTime();
    private final QlikSettings settings = TenantFixtures.settings(8443);

    @Test
    void should_draw_the_backoff_from_zero_to_an_exponential_ceiling() {
        // given: the random source at its top
        RetryPolicy policy = new RetryPolicy(settings, new HttpStats(), time, time, () -> 0.999_999);

        // then: 1 s, 2 s, 4 s ... capped at maxBackoff 60 s
        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(999));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(3999));
        assertThat(policy.backoff(7)).isEqualTo(Duration.ofMillis(59_999));
        assertThat(policy.backoff(40)).isEqualTo(Duration.ofMillis(59_999));
    }

    @Test
    void should_allow_a_zero_wait_with_full_jitter() {
        RetryPolicy policy = new RetryPolicy(settings, new HttpStats(), time, time, () -> 0.0);

        assertThat(policy.backoff(5)).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void should_treat_gateway_and_unavailable_statuses_as_transient(int status) {
        assertThat(RetryPolicy.isTransientStatus(status)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 429, 500})
    void should_not_retry_other_statuses(int status) {
        assertThat(RetryPolicy.isTransientStatus(status)).isFalse();
    }
}

package dev.qcl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ReadQuotaTests {
    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void should_admit_every_read_when_there_is_no_quota() {
        ReadQuota quota = ReadQuota.none();

        for (int i = 0; i < 5000; i++) {
            assertThat(quota.tryAcquire().admitted()).isTrue();
        }
    }

    @Test
    void should_admit_a_whole_window_of_reads_at_once_and_refuse_the_next_until_the_oldest_leaves() {
        // given: 10 a minute over 5 minutes is a budget of 50
        ReadQuota quota = ReadQuota.of(10, Duration.ofMinutes(5), now::get);
        for (int i = 0; i < 50; i++) {
            assertThat(quota.tryAcquire().admitted()).isTrue();
        }
        now.addAndGet(60_000);

        // when
        WriteQuota.Decision refused = quota.tryAcquire();
        now.addAndGet(240_000);
        WriteQuota.Decision later = quota.tryAcquire();

        // then
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(240);
        assertThat(later.admitted()).isTrue();
    }
}

package dev.qcl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WriteQuotaTests {

    private final AtomicLong now = new AtomicLong(1_000_000);

    @Test
    void should_admit_every_write_when_there_is_no_quota() {
        // given
        var quota = new WriteQuota(0, now::get);
        // when / then
        for (int i = 0; i < 1000; i++) {
            assertThat(quota.tryAcquire().admitted()).isTrue();
        }
    }

    @Test
    void should_reject_once_the_window_is_full_and_say_when_the_oldest_write_leaves() {
        // given
        var quota = new WriteQuota(2, now::get);
        quota.tryAcquire();
        now.addAndGet(10_500);
        quota.tryAcquire();
        // when
        WriteQuota.Decision decision = quota.tryAcquire();
        // then
        assertThat(decision.admitted()).isFalse();
        assertThat(decision.retryAfterSeconds()).isEqualTo(50);
    }

    @Test
    void should_admit_again_when_the_oldest_write_has_left_the_window() {
        // given
        var quota = new WriteQuota(1, now::get);
        quota.tryAcquire();
        now.addAndGet(59_999);
        assertThat(quota.tryAcquire().retryAfterSeconds()).isEqualTo(1);
        // when
        now.addAndGet(1);
        // then
        assertThat(quota.tryAcquire().admitted()).isTrue();
    }

    @Test
    void should_not_count_rejected_writes_in_the_window() {
        // given
        var quota = new WriteQuota(1, now::get);
        quota.tryAcquire();
        now.addAndGet(30_000);
        for (int i = 0; i < 5; i++) {
            quota.tryAcquire();
        }
        // when
        now.addAndGet(30_000);
        // then
        assertThat(quota.tryAcquire().admitted()).isTrue();
    }
}

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

    @Test
    void should_take_a_whole_windows_quota_at_once_and_free_it_a_window_later() {
        // given: Qlik's tier 2, 500 writes per 5 minutes
        var quota = new WriteQuota(500, 300_000, 0.0, now::get);
        for (int i = 0; i < 500; i++) {
            assertThat(quota.tryAcquire().admitted()).isTrue();
        }
        // when
        WriteQuota.Decision refused = quota.tryAcquire();
        now.addAndGet(300_000);
        // then
        assertThat(refused.retryAfterSeconds()).isEqualTo(300);
        assertThat(quota.tryAcquire().admitted()).isTrue();
    }

    @Test
    void should_leave_only_the_rest_of_the_quota_when_another_client_spends_half() {
        // given: 10 per 10 s, another client of the same user spends 5 of them, one every 2 s
        var quota = new WriteQuota(10, 10_000, 0.5, now::get);
        // when
        int admitted = 0;
        while (quota.tryAcquire().admitted()) {
            admitted++;
        }
        // then: 5 are left; the next slot frees when the other client's oldest write leaves
        assertThat(admitted).isEqualTo(5);
        now.addAndGet(2_000);
        // that slot is taken again by the other client's next write
        assertThat(quota.tryAcquire().admitted()).isFalse();
    }

    @Test
    void should_leave_the_rest_of_the_quota_between_the_bursts_of_another_client() {
        // given: 60 per 10 s; another client of the same user sends 30 at once every 10 s, from the start
        var quota = new WriteQuota(60, 10_000, 0.0, 30, 10_000, now::get);
        // when
        int first = admittedNow(quota);
        now.addAndGet(5_000);
        WriteQuota.Decision meanwhile = quota.tryAcquire();
        now.addAndGet(5_000);
        int second = admittedNow(quota);
        // then: 30 left in each window; the burst that comes as ours leave takes the rest
        assertThat(first).isEqualTo(30);
        assertThat(meanwhile.admitted()).isFalse();
        assertThat(meanwhile.retryAfterSeconds()).isEqualTo(5);
        assertThat(second).isEqualTo(30);
    }

    @Test
    void should_count_the_bursts_of_another_client_even_when_the_window_is_full() {
        // given: 10 per 10 s; another client sends 4 at once every 12 s; at 10 s our 10 fill a fresh window
        var quota = new WriteQuota(10, 10_000, 0.0, 4, 12_000, now::get);
        assertThat(admittedNow(quota)).isEqualTo(6);
        now.addAndGet(10_000);
        assertThat(admittedNow(quota)).isEqualTo(10);
        // when: its next burst comes into that full window
        now.addAndGet(2_000);
        WriteQuota.Decision refused = quota.tryAcquire();
        // then: 14 in the window; room comes when our 10 leave, and the burst's 4 still count
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(8);
        now.addAndGet(8_000);
        assertThat(admittedNow(quota)).isEqualTo(6);
    }

    private static int admittedNow(WriteQuota quota) {
        int admitted = 0;
        while (quota.tryAcquire().admitted()) {
            admitted++;
        }
        return admitted;
    }
}

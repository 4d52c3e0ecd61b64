package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpStatsTests {
    @Test
    void should_add_restored_totals_to_the_counts_of_this_execution() {
        // given
        HttpStats stats = new HttpStats();
        stats.recordRequest();
        stats.recordThrottled(1500);

        // when
        stats.restore(10, 2, 1, 3000);

        // then
        assertThat(stats.snapshot()).isEqualTo(new HttpStats.Snapshot(11, 2, 2, 4500));
    }
}

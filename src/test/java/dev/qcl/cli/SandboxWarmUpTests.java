package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The warm-up runs every request path the benchmarks use, and each is answered as a real one. */
class SandboxWarmUpTests {
    @Test
    void should_have_every_warm_up_request_answered_2xx() throws Exception {
        assertThat(SandboxWarmUp.run()).isZero();
    }
}

package dev.qcl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SandboxSettingsTests {

    @Test
    void should_default_to_a_free_port_and_no_emulated_trouble() {
        // given / when
        var settings = SandboxSettings.defaults();
        // then
        assertThat(settings)
                .isEqualTo(new SandboxSettings(
                        0,
                        "sandbox-api-key",
                        0,
                        Duration.ZERO,
                        0.0,
                        0.0,
                        42L,
                        Duration.ofSeconds(60),
                        0.0,
                        0,
                        Duration.ofSeconds(60)));
    }

    @Test
    void should_copy_with_one_field_changed() {
        // given
        var settings = SandboxSettings.defaults();
        // when
        var changed = settings.withWriteQuotaPerMinute(100)
                .withLatency(Duration.ofMillis(5))
                .withRandomSeed(7);
        // then
        assertThat(changed.writeQuotaPerMinute()).isEqualTo(100);
        assertThat(changed.latency()).isEqualTo(Duration.ofMillis(5));
        assertThat(changed.randomSeed()).isEqualTo(7);
        assertThat(changed.apiKey()).isEqualTo(settings.apiKey());
    }

    @Test
    void should_reject_a_rate_outside_zero_to_one() {
        // when / then
        assertThatThrownBy(() -> SandboxSettings.defaults().withFailureRate503(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("failureRate503");
    }

    @Test
    void should_never_print_the_api_key() {
        // when / then
        assertThat(SandboxSettings.defaults().withApiKey("top-secret-key").toString())
                .doesNotContain("top-secret-key");
    }
}

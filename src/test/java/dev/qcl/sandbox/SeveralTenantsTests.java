package dev.qcl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Migration tests run two sandbox tenants side by side; a benchmark may give one a read quota. */
class SeveralTenantsTests {

    @Test
    void should_keep_the_connections_and_counters_of_two_tenants_apart_when_both_run_at_once() throws Exception {
        try (SandboxTenant dev = SandboxTenant.start(SandboxSettings.defaults());
                SandboxTenant prod =
                        SandboxTenant.start(SandboxSettings.defaults().withApiKey("prod-key"))) {
            // given
            String prodOnly = prod.addSpace("Finance Prod", "managed");
            dev.addConnection(SandboxSeed.FINANCE_SPACE_ID, "pg", "postgres", Map.of("host", "h", "database", "d"));

            // when
            var answer = new SandboxHttp(prod).post("/data-connections", SandboxHttp.postgres("pg", prodOnly));

            // then
            assertThat(answer.statusCode()).isEqualTo(201);
            assertThat(dev.port()).isNotEqualTo(prod.port());
            assertThat(dev.connections())
                    .extracting(StoredConnection::spaceId)
                    .containsExactly(SandboxSeed.FINANCE_SPACE_ID);
            assertThat(prod.connections()).extracting(StoredConnection::spaceId).containsExactly(prodOnly);
            assertThat(dev.spaces()).extracting(SandboxSpace::name).doesNotContain("Finance Prod");
            assertThat(dev.writeRequests()).isZero();
            assertThat(prod.writeRequests()).isEqualTo(1);
        }
    }

    @Test
    void should_answer_429_with_retry_after_when_reads_exceed_the_read_quota() throws Exception {
        try (SandboxTenant tenant =
                SandboxTenant.start(SandboxSettings.defaults(), ReadQuota.of(2, Duration.ofMinutes(1)))) {
            // given
            SandboxHttp http = new SandboxHttp(tenant);
            http.get("/spaces");
            http.get("/spaces");

            // when
            var refused = http.get("/spaces");

            // then
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();
            assertThat(tenant.readRequests()).isEqualTo(3);
            assertThat(tenant.throttledRequests()).isEqualTo(1);
        }
    }
}

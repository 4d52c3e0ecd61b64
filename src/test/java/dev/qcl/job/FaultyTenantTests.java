package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole job against a tenant that fails about every tenth request: every row still created exactly once. */
class FaultyTenantTests {

    @Test
    void should_create_every_row_exactly_once_when_the_tenant_answers_503_and_drops_connections_after_storing(
            @TempDir Path dir) throws IOException {
        // given: 10% of writes answered 503, 10% of creates stored and then the connection dropped
        int rows = 60;
        String sheet = "qName,dataSourceId,spaceName,host,database\n"
                + IntStream.range(0, rows)
                        .mapToObj(i -> "pg-" + i + ",postgres,Finance,h" + i + ",d" + i + "\n")
                        .collect(Collectors.joining());
        Path input = Files.writeString(dir.resolve("faults.csv"), sheet);
        SandboxSettings faulty = SandboxSettings.defaults()
                .withFailureRate503(0.1)
                .withDropAfterCommitRate(0.1)
                .withRandomSeed(7);
        try (TestTenant tenant = TestTenant.start(dir, faulty)) {
            // when
            Qcl.Outcome outcome = tenant.qcl(
                    "run",
                    "--input",
                    input.toString(),
                    "--rate-limit",
                    "100000",
                    "--concurrency",
                    "4",
                    "--qcl.write.initial-backoff=10ms",
                    "--qcl.write.max-backoff=50ms");

            // then
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            Map<String, Long> copies = tenant.sandbox().connections().stream()
                    .collect(Collectors.groupingBy(StoredConnection::qName, Collectors.counting()));
            assertThat(copies).hasSize(rows);
            assertThat(copies.values()).containsOnly(1L);
            assertThat(ResultsTable.read(tenant.home()))
                    .hasSize(rows)
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("CREATED");
            Map<String, ResultsTable.Row> byName = ResultsTable.read(tenant.home()).stream()
                    .collect(Collectors.toMap(ResultsTable.Row::qName, Function.identity()));
            assertThat(byName.values()).anyMatch(r -> r.attempts() > 1);
            assertThat(tenant.sandbox().createRequests()).isGreaterThanOrEqualTo(rows);
            Path summary = tenant.home().resolve("reports/run-1/summary.json");
            assertThat(Files.readString(summary)).containsPattern("\"retries\" : [1-9]");
        }
    }
}

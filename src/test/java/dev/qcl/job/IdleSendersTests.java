package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9, no idle senders: a row waiting to be tried again holds up the commit of its chunk, not the
 * sending of the rows after it. Asserted on the order in which the tenant received the creates.
 */
class IdleSendersTests {
    private static final Pattern Q_NAME = Pattern.compile("\"qName\"\\s*:\\s*\"(pg-\\d+)\"");

    @Test
    void should_send_the_next_chunks_rows_when_a_row_of_this_chunk_waits_to_be_tried_again(@TempDir Path dir)
            throws IOException {
        // given: 20 rows in chunks of 5; the first create of pg-0 is answered 503 after a second
        String sheet = "qName,dataSourceId,spaceName,host,database\n"
                + IntStream.range(0, 20)
                        .mapToObj(i -> "pg-" + i + ",postgres,Finance,h" + i + ",d" + i + "\n")
                        .collect(Collectors.joining());
        Path input = Files.writeString(dir.resolve("slow-row.csv"), sheet);
        try (TestTenant tenant = TestTenant.start(dir)) {
            tenant.sandbox()
                    .server()
                    .stubFor(post(urlPathEqualTo("/api/v1/data-connections"))
                            .withRequestBody(matchingJsonPath("$.qName", equalTo("pg-0")))
                            .inScenario("slow row")
                            .whenScenarioStateIs(STARTED)
                            .willSetStateTo("answered once")
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(503).withFixedDelay(1_000)));

            // when
            Qcl.Outcome outcome = tenant.qclUnpaced(
                    "run",
                    "--input",
                    input.toString(),
                    "--concurrency",
                    "2",
                    "--qcl.job.chunk-size=5",
                    "--qcl.write.initial-backoff=200ms",
                    "--qcl.write.max-backoff=200ms");

            // then: every row created once, pg-0 on its second attempt, results in row order
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .hasSize(20)
                    .doesNotHaveDuplicates();
            List<ResultsTable.Row> results = tenant.results();
            assertThat(results)
                    .extracting(ResultsTable.Row::qName)
                    .containsExactlyElementsOf(
                            IntStream.range(0, 20).mapToObj(i -> "pg-" + i).toList());
            assertThat(results).extracting(ResultsTable.Row::status).containsOnly("CREATED");
            assertThat(results.get(0).attempts()).isEqualTo(2);

            // and: while pg-0 waited, the other sender went on past its chunk (pg-1 to pg-4) into the next (pg-5 to
            // pg-9)
            List<String> creates = createsInArrivalOrder(tenant);
            int retryOfSlowRow = creates.lastIndexOf("pg-0");
            assertThat(creates.indexOf("pg-0")).isNotEqualTo(retryOfSlowRow);
            assertThat(creates.subList(0, retryOfSlowRow))
                    .contains("pg-1", "pg-2", "pg-3", "pg-4", "pg-5", "pg-6", "pg-7", "pg-8", "pg-9");
        }
    }

    private static List<String> createsInArrivalOrder(TestTenant tenant) {
        return tenant.sandbox().server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("POST")
                        && e.getRequest().getUrl().equals("/api/v1/data-connections"))
                .sorted(Comparator.comparing((ServeEvent e) -> e.getRequest().getLoggedDate()))
                .map(e -> {
                    Matcher name = Q_NAME.matcher(e.getRequest().getBodyAsString());
                    return name.find() ? name.group(1) : "?";
                })
                .toList();
    }
}

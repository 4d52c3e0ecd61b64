package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 22 item 1: a listing whose {@code links.next} never ends (pages that link to each other, a new
 * cursor for ever) fails only the rows that need it, after a bounded number of requests; the run goes on.
 */
class EndlessListingsTests {
    private static final String CONNECTIONS = "/api/v1/data-connections";

    /** A page of one connection whose next link carries {@code query}. */
    static String pageLinkingTo(String tenantUrl, String id, String spaceId, String query) {
        return "{\"data\":[{\"qID\":\"" + id + "\",\"qName\":\"" + id + "\",\"space\":\"" + spaceId
                + "\",\"tags\":[]}],\"links\":{\"next\":{\"href\":\"" + tenantUrl + CONNECTIONS + "?" + query + "\"}}}";
    }

    static MappingBuilder listingOf(String spaceId) {
        return get(urlPathEqualTo(CONNECTIONS))
                .withQueryParam("spaceId", equalTo(spaceId))
                .atPriority(1);
    }

    @Test
    void should_fail_the_rows_of_listings_that_loop_or_never_end_and_create_the_others(@TempDir Path dir)
            throws IOException {
        // given: Finance's pages link to each other, Marketing hands out a new cursor for ever, the
        // search for "Sales" links to itself; Data Engineering answers as a tenant should
        Path input = Files.writeString(dir.resolve("endless.csv"), """
                qName,dataSourceId,spaceName,host,database
                pg-finance-1,postgres,Finance,h,d
                pg-marketing,postgres,Marketing,h,d
                pg-sales,postgres,Sales,h,d
                pg-data,postgres,Data Engineering,h,d
                pg-finance-2,postgres,Finance,h,d
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            WireMockServer server = tenant.sandbox().server();
            String url = tenant.sandbox().url();
            String finance = SandboxSeed.FINANCE_SPACE_ID;
            String marketing = SandboxSeed.MARKETING_SPACE_ID;
            server.stubFor(listingOf(finance)
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageLinkingTo(
                            url, "a", finance, "spaceId=" + finance + "&limit=100&noDatafiles=true&page=B"))));
            server.stubFor(listingOf(finance)
                    .withQueryParam("page", equalTo("B"))
                    .willReturn(
                            okJson(pageLinkingTo(url, "b", finance, "noDatafiles=true&limit=100&spaceId=" + finance))));
            server.stubFor(listingOf(marketing)
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageLinkingTo(
                            url, "m0", marketing, "spaceId=" + marketing + "&limit=100&noDatafiles=true&page=1"))));
            for (int page = 1; page <= 20; page++) {
                server.stubFor(listingOf(marketing)
                        .withQueryParam("page", equalTo(String.valueOf(page)))
                        .willReturn(okJson(pageLinkingTo(
                                url,
                                "m" + page,
                                marketing,
                                "spaceId=" + marketing + "&limit=100&noDatafiles=true&page=" + (page + 1)))));
            }
            server.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                    .withQueryParam("name", equalTo("Sales"))
                    .atPriority(1)
                    .willReturn(okJson("{\"data\":[{\"id\":\"" + SandboxSeed.SALES_SPACE_ID
                            + "\",\"name\":\"Sales\",\"type\":\"shared\"}],\"links\":{\"next\":{\"href\":\"" + url
                            + "/api/v1/spaces?limit=100&name=Sales\"}}}")));

            // when: at most 4 pages per listing
            Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", input.toString(), "--qcl.tenant.max-pages=4");

            // then: the run completed, the one row with a sound listing was created
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
            List<ResultsTable.Row> rows = tenant.results();
            assertThat(rows)
                    .extracting(ResultsTable.Row::status)
                    .containsExactly("FAILED", "FAILED", "FAILED", "CREATED", "FAILED");
            assertThat(rows.get(0).message())
                    .isEqualTo(rows.get(4).message())
                    .contains("listing of data connections in space " + finance + " was stopped")
                    .contains("the link after page 2 leads back to page 1")
                    .doesNotContain("\n");
            assertThat(rows.get(1).message())
                    .contains("listing of data connections in space " + marketing + " was stopped")
                    .contains("it has more than 4 pages (qcl.tenant.max-pages");
            assertThat(rows.get(2).message())
                    .contains(
                            "search for spaces named 'Sales' was stopped: the link after page 1 leads back to page 1");
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::qName)
                    .containsExactly("pg-data");
            // each listing was read once per run, within its bound
            server.verify(2, getRequestedFor(urlPathEqualTo(CONNECTIONS)).withQueryParam("spaceId", equalTo(finance)));
            server.verify(
                    4, getRequestedFor(urlPathEqualTo(CONNECTIONS)).withQueryParam("spaceId", equalTo(marketing)));
            server.verify(
                    1, getRequestedFor(urlPathEqualTo("/api/v1/spaces")).withQueryParam("name", equalTo("Sales")));
            assertThat(outcome.lastLine()).contains("1 CREATED").contains("4 FAILED");
        }
    }

    @Test
    void should_fail_the_export_in_one_line_when_the_listing_of_every_connection_never_ends(@TempDir Path dir) {
        // given: every page of the listing links to a new cursor, and lists the same connection
        try (TestTenant tenant = TestTenant.start(dir)) {
            WireMockServer server = tenant.sandbox().server();
            String url = tenant.sandbox().url();
            server.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("spaceId", absent())
                    .atPriority(1)
                    .willReturn(okJson(pageLinkingTo(
                            url,
                            "a",
                            SandboxSeed.FINANCE_SPACE_ID,
                            "limit=100&noDatafiles=true&page=n" + System.nanoTime()))));
            Path output = dir.resolve("export.csv");

            // when
            Qcl.Outcome outcome = tenant.qcl("export", "--all", "--output", output.toString());

            // then
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
            assertThat(outcome.err().lines().filter(line -> line.startsWith("qcl: ")))
                    .containsExactly("qcl: listing of every data connection was stopped: page 2 lists only items of"
                            + " earlier pages; the tenant's paging does not end");
            assertThat(output).doesNotExist();
            server.verify(2, getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }
    }

    @Test
    void should_stop_a_prune_whose_listing_of_the_set_loops_before_anything_is_deleted(@TempDir Path dir)
            throws IOException {
        // given: the listing of every connection (what prune reads) links its two pages to each other
        Path input = Files.writeString(dir.resolve("owned.csv"), """
                qName,dataSourceId,spaceName,host,database
                pg-owned,postgres,Finance,h,d
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            WireMockServer server = tenant.sandbox().server();
            String url = tenant.sandbox().url();
            String finance = SandboxSeed.FINANCE_SPACE_ID;
            server.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("spaceId", absent())
                    .withQueryParam("page", absent())
                    .atPriority(1)
                    .willReturn(okJson(pageLinkingTo(url, "a", finance, "limit=100&noDatafiles=true&page=2"))));
            server.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("spaceId", absent())
                    .withQueryParam("page", equalTo("2"))
                    .atPriority(1)
                    .willReturn(okJson(pageLinkingTo(url, "b", finance, "limit=100&noDatafiles=true"))));

            // when
            Qcl.Outcome outcome = tenant.qclUnpaced("run", "--input", input.toString(), "--own", "nightly", "--prune");

            // then: the plan is read before anything is sent, as for a listing the tenant refuses
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
            assertThat(outcome.err().lines().filter(line -> line.startsWith("qcl: ")))
                    .containsExactly("qcl: listing of data connections tagged qcl:nightly was stopped: the link after"
                            + " page 2 leads back to page 1; the tenant's paging does not end");
            assertThat(tenant.sandbox().writeRequests()).isZero();
            server.verify(2, getRequestedFor(urlPathEqualTo(CONNECTIONS)).withQueryParam("spaceId", absent()));
        }
    }
}

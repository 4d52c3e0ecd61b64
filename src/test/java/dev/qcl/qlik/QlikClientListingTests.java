package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.qlik.api.DataSourceInfo;
import dev.qcl.qlik.api.DataSources;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.Space;
import dev.qcl.qlik.failure.RejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The listings and look-ups by ID: which items of the tenant's pages are kept, which queries are asked. */
class QlikClientListingTests extends AgainstWireMockTenant {
    private static final String CONNECTIONS = "/api/v1/data-connections";

    private static String tagged(String id, String tag) {
        return "{\"qID\":\"" + id + "\",\"qName\":\"" + id + "\",\"datasourceID\":\"rest\",\"space\":\"sp1\","
                + "\"tags\":[\"" + tag + "\"]}";
    }

    @Nested
    class Odd_items {
        @Test
        void should_leave_out_data_sources_that_are_null_or_have_no_id() {
            // given
            tenant.stubFor(get("/api/v1/data-sources").willReturn(okJson("""
                    {"dataSources":[null,{"name":"no id"},{"dataSourceId":"rest","name":"Qlik REST Connector"}],
                     "lastUpdated":"not a date"}""")));

            // when
            DataSources sources = client.dataSources();

            // then
            assertThat(sources.dataSources())
                    .extracting(DataSourceInfo::dataSourceId)
                    .containsExactly("rest");
            assertThat(sources.lastUpdated()).isNull();
        }

        @Test
        void should_leave_out_spaces_that_are_null_or_have_no_id() {
            // given
            tenant.stubFor(get(urlPathEqualTo("/api/v1/spaces")).willReturn(okJson("""
                    {"data":[null,{"name":"Finance","type":"shared"},{"id":"sp1","name":"Finance","type":"shared"}]}""")));

            // when / then
            assertThat(client.spacesMatching("Finance")).containsExactly(new Space("sp1", "Finance", "shared"));
        }

        @Test
        void should_leave_out_connections_that_are_null_or_have_no_id() {
            // given
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .willReturn(okJson("{\"data\":[null,{\"qName\":\"no id\"},"
                            + TenantFixtures.connection("c1", "one", "sp1") + "]}")));

            // when / then
            assertThat(client.connectionsInSpace("sp1"))
                    .extracting(ExistingConnection::id)
                    .containsExactly("c1");
        }
    }

    @Nested
    class Every_connection {
        @Test
        void should_list_every_visible_connection_without_a_space_filter() {
            // given
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("limit", equalTo("100"))
                    .withQueryParam("noDatafiles", equalTo("true"))
                    .withQueryParam("spaceId", absent())
                    .withQueryParam("personal", absent())
                    .willReturn(okJson("{\"data\":[" + TenantFixtures.connection("c1", "one", "sp1") + ","
                            + TenantFixtures.connection("p1", "mine", null) + "]}")));

            // when / then
            assertThat(client.connectionsVisible())
                    .extracting(ExistingConnection::id)
                    .containsExactly("c1", "p1");
        }

        @Test
        void should_keep_only_the_tagged_connections_of_every_page() {
            // given: two pages, odd items among them
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("limit", equalTo("100"))
                    .withQueryParam("noDatafiles", equalTo("true"))
                    .withQueryParam("spaceId", absent())
                    .withQueryParam("page", absent())
                    .willReturn(okJson("{\"data\":[null," + tagged("a", "qcl:nightly") + "," + tagged("b", "other")
                            + ",{\"qName\":\"no id\",\"tags\":[\"qcl:nightly\"]}],"
                            + "\"links\":{\"next\":{\"href\":\"https://x/api/v1/data-connections?page=2\"}}}")));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", equalTo("2"))
                    .willReturn(okJson("{\"data\":[" + tagged("c", "qcl:nightly") + "]}")));

            // when
            List<ExistingConnection> found = client.connectionsTagged("qcl:nightly");

            // then
            assertThat(found).extracting(ExistingConnection::id).containsExactly("a", "c");
            tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_find_nothing_tagged_when_no_connection_carries_the_tag() {
            // given
            tenant.stubFor(
                    get(urlPathEqualTo(CONNECTIONS)).willReturn(okJson("{\"data\":[" + tagged("b", "other") + "]}")));

            // when / then
            assertThat(client.connectionsTagged("qcl:nightly")).isEmpty();
        }
    }

    /** Issue 22 item 1: listings whose links.next never end are refused, not followed for ever. */
    @Nested
    class Endless_listings {
        private static String pageOf(String id, String next) {
            return "{\"data\":[" + tagged(id, "t")
                    + "],\"links\":{\"next\":{\"href\":\"https://x/api/v1/data-connections" + next + "\"}}}";
        }

        @Test
        void should_refuse_a_page_that_links_to_itself_in_another_order() {
            // given: the first page's next link is the first page again, its parameters reordered
            tenant.stubFor(
                    get(urlPathEqualTo(CONNECTIONS)).willReturn(okJson(pageOf("a", "?noDatafiles=true&limit=100"))));

            // when / then
            assertThatThrownBy(() -> client.connectionsTagged("t"))
                    .isInstanceOf(RejectedException.class)
                    .hasMessage("listing of data connections tagged t was stopped: the link after page 1 leads back"
                            + " to page 1; the tenant's paging does not end");
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_refuse_pages_that_link_to_each_other_after_reading_each_once() {
            // given: page A links to B, and B back to A
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageOf("a", "?spaceId=sp1&limit=100&noDatafiles=true&page=B"))));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", equalTo("B"))
                    .willReturn(okJson(pageOf("b", "?spaceId=sp1&limit=100&noDatafiles=true"))));

            // when / then
            assertThatThrownBy(() -> client.connectionsInSpace("sp1"))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageContaining("listing of data connections in space sp1 was stopped")
                    .hasMessageContaining("the link after page 2 leads back to page 1");
            tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_refuse_a_new_cursor_that_hands_out_the_same_page_again() {
            // given: every page links to a cursor never seen, but lists the same connection
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageOf("a", "?limit=100&noDatafiles=true&page=1"))));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", equalTo("1"))
                    .willReturn(okJson(pageOf("a", "?limit=100&noDatafiles=true&page=2"))));

            // when / then
            assertThatThrownBy(() -> client.connectionsVisible())
                    .isInstanceOf(RejectedException.class)
                    .hasMessage("listing of every data connection was stopped: page 2 lists only items of earlier"
                            + " pages; the tenant's paging does not end");
            tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_refuse_a_listing_past_its_bound_of_pages_with_new_cursors_and_items() {
            // given: a bound of 3 pages, and a tenant with a new cursor and a new connection on every page
            QlikClient bounded = new QlikClient(maxPages(3), new HttpStats(), time, time, () -> 0.5);
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageOf("c0", "?limit=100&noDatafiles=true&page=1"))));
            for (int page = 1; page <= 5; page++) {
                tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                        .withQueryParam("page", equalTo(String.valueOf(page)))
                        .willReturn(okJson(pageOf("c" + page, "?limit=100&noDatafiles=true&page=" + (page + 1)))));
            }

            // when / then
            try (bounded) {
                assertThatThrownBy(() -> bounded.connectionsTagged("t"))
                        .isInstanceOf(RejectedException.class)
                        .hasMessage("listing of data connections tagged t was stopped: it has more than 3 pages"
                                + " (qcl.tenant.max-pages; 3 x 100 items); the tenant's paging does not end");
            }
            tenant.verify(exactly(3), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
        }

        @Test
        void should_read_every_page_up_to_the_bound_when_the_last_one_ends() {
            // given: exactly 3 pages under a bound of 3
            QlikClient bounded = new QlikClient(maxPages(3), new HttpStats(), time, time, () -> 0.5);
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", absent())
                    .willReturn(okJson(pageOf("c0", "?limit=100&noDatafiles=true&page=1"))));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", equalTo("1"))
                    .willReturn(okJson(pageOf("c1", "?limit=100&noDatafiles=true&page=2"))));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS))
                    .withQueryParam("page", equalTo("2"))
                    .willReturn(okJson("{\"data\":[" + tagged("c2", "t") + "],\"links\":{}}")));

            // when / then
            try (bounded) {
                assertThat(bounded.connectionsTagged("t"))
                        .extracting(ExistingConnection::id)
                        .containsExactly("c0", "c1", "c2");
            }
        }

        @Test
        void should_refuse_a_space_search_whose_pages_loop() {
            // given
            tenant.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                    .willReturn(okJson("{\"data\":[{\"id\":\"sp1\",\"name\":\"Finance\"}],"
                            + "\"links\":{\"next\":{\"href\":\"https://x/api/v1/spaces?limit=100&name=Finance\"}}}")));

            // when / then
            assertThatThrownBy(() -> client.spacesNamed("Finance"))
                    .isInstanceOf(RejectedException.class)
                    .hasMessageStartingWith("search for spaces named 'Finance' was stopped: the link after page 1");
        }

        private static QlikSettings maxPages(int pages) {
            QlikSettings s = TenantFixtures.settings(tenant.getPort());
            return new QlikSettings(
                    s.tenantUrl(),
                    s.identity(),
                    s.basePath(),
                    s.connectTimeout(),
                    s.readTimeout(),
                    s.writesPerMinute(),
                    s.readsPerMinute(),
                    s.maxAttempts(),
                    s.initialBackoff(),
                    s.maxBackoff(),
                    s.maxTimePerRow(),
                    s.maxThrottleWait(),
                    s.window(),
                    pages);
        }
    }

    @Nested
    class By_id {
        @Test
        void should_look_a_connection_up_by_id_and_return_empty_on_404() {
            // given
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS + "/c1"))
                    .withQueryParam("parseConnection", absent())
                    .willReturn(okJson(TenantFixtures.connection("c1", "one", "sp1"))));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS + "/gone")).willReturn(notFound()));

            // when / then
            assertThat(client.connectionById("c1"))
                    .map(ExistingConnection::qName)
                    .contains("one");
            assertThat(client.connectionById("gone")).isEmpty();
        }

        @Test
        void should_read_a_connection_with_its_parsed_properties_by_id() {
            // given
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS + "/c1"))
                    .withQueryParam("parseConnection", equalTo("true"))
                    .willReturn(okJson("{\"qID\":\"c1\",\"qName\":\"sales\",\"datasourceID\":\"rest\","
                            + "\"connectionProperties\":{\"url\":\"https://x\"}}")));

            // when / then
            assertThat(client.parsedConnectionById("c1"))
                    .map(ExistingConnection::connectionProperties)
                    .contains(Map.of("url", "https://x"));
        }

        @Test
        void should_find_no_parsed_connection_when_it_is_gone_or_the_answer_names_none() {
            // given
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS + "/gone")).willReturn(notFound()));
            tenant.stubFor(get(urlPathEqualTo(CONNECTIONS + "/odd")).willReturn(okJson("{\"qName\":\"odd\"}")));

            // when / then
            assertThat(client.parsedConnectionById("gone")).isEmpty();
            assertThat(client.parsedConnectionById("odd")).isEmpty();
        }
    }
}

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

import dev.qcl.qlik.api.DataSourceInfo;
import dev.qcl.qlik.api.DataSources;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.api.Space;
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

        @Test
        void should_stop_at_a_page_that_links_to_itself() {
            // given
            tenant.stubFor(
                    get(urlPathEqualTo(CONNECTIONS))
                            .willReturn(
                                    okJson(
                                            "{\"data\":[" + tagged("a", "t") + "],"
                                                    + "\"links\":{\"next\":{\"href\":\"https://x/api/v1/data-connections?limit=100&noDatafiles=true\"}}}")));

            // when / then
            assertThat(client.connectionsTagged("t"))
                    .extracting(ExistingConnection::id)
                    .containsExactly("a");
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo(CONNECTIONS)));
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

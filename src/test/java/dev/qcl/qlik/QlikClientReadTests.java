package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import dev.qcl.qlik.failure.RunStoppingException;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QlikClientReadTests extends AgainstWireMockTenant {
    @Nested
    class Data_sources {
        @Test
        void should_list_data_sources_with_the_bearer_key() {
            // given
            tenant.stubFor(get("/api/v1/data-sources").willReturn(okJson("""
                    {"dataSources":[
                      {"dataSourceId":"File_AmazonS3ConnectorV2","dataSourceName":"Amazon S3 V2","name":"Qlik Web Connectors",
                       "provider":"QvWebStorageProviderConnectorPackage.exe","providerName":"Qlik Web Connectors","capabilities":[]},
                      {"dataSourceId":"rest","name":"Qlik REST Connector","provider":"QvRestConnector.exe","providerName":"Qlik REST"}],
                     "lastUpdated":"2024-03-01T14:54:51.071Z"}""")));

            // when
            DataSources sources = client.dataSources();

            // then
            assertThat(sources.dataSources())
                    .containsExactly(
                            new DataSourceInfo(
                                    "File_AmazonS3ConnectorV2",
                                    "Amazon S3 V2",
                                    "QvWebStorageProviderConnectorPackage.exe",
                                    "Qlik Web Connectors"),
                            new DataSourceInfo("rest", "Qlik REST Connector", "QvRestConnector.exe", "Qlik REST"));
            assertThat(sources.lastUpdated()).isEqualTo(Instant.parse("2024-03-01T14:54:51.071Z"));
            tenant.verify(getRequestedFor(urlPathEqualTo("/api/v1/data-sources"))
                    .withHeader("Authorization", equalTo("Bearer " + TenantFixtures.API_KEY)));
            assertThat(stats.requests()).isEqualTo(1);
        }

        @Test
        void should_return_the_api_specs_as_raw_json_text() {
            // given
            String spec = "{\"connectorProvider\":\"QvRestConnector.exe\",\"connectorVersion\":\"1.180.0\","
                    + "\"connectionProperties\":{\"type\":\"object\",\"properties\":{\"url\":{\"type\":\"string\"}}}}";
            tenant.stubFor(get("/api/v1/data-sources/rest/api-specs").willReturn(okJson(spec)));

            // when / then
            assertThat(client.apiSpecJson("rest")).contains(spec);
        }

        @Test
        void should_return_empty_api_specs_for_an_unknown_data_source() {
            // given
            tenant.stubFor(get("/api/v1/data-sources/nope/api-specs")
                    .willReturn(notFound()
                            .withBody(TenantFixtures.errors(404, "Not found", "Data source is not enabled."))));

            // when / then
            assertThat(client.apiSpecJson("nope")).isEmpty();
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/data-sources/nope/api-specs")));
        }
    }

    @Nested
    class Spaces {
        @Test
        void should_find_a_space_by_id_and_return_empty_on_404() {
            // given
            tenant.stubFor(get("/api/v1/spaces/sp1")
                    .willReturn(okJson("{\"id\":\"sp1\",\"name\":\"Finance\",\"type\":\"shared\",\"ownerId\":\"u\"}")));
            tenant.stubFor(get("/api/v1/spaces/gone").willReturn(notFound()));

            // when / then
            assertThat(client.space("sp1")).contains(new Space("sp1", "Finance", "shared"));
            assertThat(client.space("gone")).isEmpty();
        }

        @Test
        void should_keep_only_exact_name_matches_across_all_pages() {
            // given: the tenant's search is a case-insensitive substring search
            tenant.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                    .withQueryParam("name", equalTo("fin"))
                    .withQueryParam("next", absent())
                    .willReturn(okJson("""
                            {"data":[{"id":"a","name":"finance","type":"shared"},{"id":"b","name":"fin","type":"shared"}],
                             "links":{"self":{"href":"x"},"next":{"href":"https://other.example.com/api/v1/spaces?name=fin&limit=100&next=p2"}}}""")));
            tenant.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                    .withQueryParam("next", equalTo("p2"))
                    .willReturn(okJson("""
                            {"data":[{"id":"c","name":"Fin","type":"managed"},{"id":"d","name":"fin","type":"managed"}],
                             "links":{"self":{"href":"y"}}}""")));

            // when
            var spaces = client.spacesNamed("fin");

            // then
            assertThat(spaces).extracting(Space::id).containsExactly("b", "d");
            tenant.verify(exactly(2), getRequestedFor(urlPathEqualTo("/api/v1/spaces")));
            tenant.verify(getRequestedFor(urlPathEqualTo("/api/v1/spaces")).withQueryParam("limit", equalTo("100")));
        }
    }

    @Nested
    class Connections {
        @Test
        void should_list_every_page_of_a_space_following_links_next_against_the_configured_base() {
            // given: the next link names another host, as an absolute URL does behind a proxy
            tenant.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .withQueryParam("spaceId", equalTo("sp1"))
                    .withQueryParam("noDatafiles", equalTo("true"))
                    .withQueryParam("limit", equalTo("100"))
                    .withQueryParam("page", absent())
                    .willReturn(okJson("{\"data\":[" + TenantFixtures.connection("c1", "one", "sp1") + "],"
                            + "\"links\":{\"next\":{\"href\":\"https://tenant.example.com/api/v1/data-connections"
                            + "?page=abc%3D&limit=100&spaceId=sp1&noDatafiles=true\"}}}")));
            tenant.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .withQueryParam("page", equalTo("abc="))
                    .willReturn(okJson(
                            "{\"data\":[" + TenantFixtures.connection("c2", "two", "sp1") + "]," + "\"links\":{}}")));

            // when
            var connections = client.connectionsInSpace("sp1");

            // then
            assertThat(connections).extracting(ExistingConnection::id).containsExactly("c1", "c2");
            assertThat(connections.get(0))
                    .isEqualTo(new ExistingConnection(
                            "c1",
                            "one",
                            "File_AmazonS3ConnectorV2",
                            "sp1",
                            java.util.List.of("migrated", "DcaasAPI:x"),
                            java.util.Map.of()));
        }

        @Test
        void should_ask_for_personal_connections_when_no_space_is_given() {
            // given
            tenant.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .withQueryParam("personal", equalTo("true"))
                    .withQueryParam("spaceId", absent())
                    .willReturn(okJson("{\"data\":[" + TenantFixtures.connection("p1", "mine", null) + "]}")));

            // when / then
            assertThat(client.connectionsInSpace(null))
                    .extracting(ExistingConnection::spaceId)
                    .containsExactly((String) null);
        }

        @Test
        void should_look_a_connection_up_by_its_url_encoded_name_in_a_space() {
            // given
            tenant.stubFor(get(urlPathEqualTo("/api/v1/data-connections/sales%20s3%20%28eu%29"))
                    .withQueryParam("type", equalTo("connectionname"))
                    .withQueryParam("spaceId", equalTo("sp1"))
                    .withQueryParam("parseConnection", absent())
                    .willReturn(okJson(TenantFixtures.connection("c9", "sales s3 (eu)", "sp1"))));

            // when / then
            assertThat(client.connectionByName("sales s3 (eu)", "sp1"))
                    .map(ExistingConnection::id)
                    .contains("c9");
        }

        @Test
        void should_return_empty_when_the_name_is_absent_or_lives_in_another_space() {
            // given
            tenant.stubFor(
                    get(urlPathEqualTo("/api/v1/data-connections/absent")).willReturn(notFound()));
            tenant.stubFor(get(urlPathEqualTo("/api/v1/data-connections/elsewhere"))
                    .willReturn(okJson(TenantFixtures.connection("c3", "elsewhere", "other-space"))));

            // when / then
            assertThat(client.connectionByName("absent", "sp1")).isEmpty();
            assertThat(client.connectionByName("elsewhere", "sp1")).isEmpty();
        }

        @Test
        void should_ask_for_connection_properties_when_looking_up_for_update() {
            // given
            tenant.stubFor(
                    get(urlPathEqualTo("/api/v1/data-connections/sales"))
                            .withQueryParam("parseConnection", equalTo("true"))
                            .willReturn(
                                    okJson(
                                            "{\"qID\":\"c1\",\"qName\":\"sales\",\"datasourceID\":\"rest\",\"space\":\"sp1\","
                                                    + "\"connectionProperties\":{\"url\":\"https://x\",\"timeout\":30,\"proxy\":null}}")));

            // when
            var found = client.connectionForUpdate("sales", "sp1").orElseThrow();

            // then
            assertThat(found.dataSourceId()).isEqualTo("rest");
            assertThat(found.connectionProperties())
                    .containsEntry("url", "https://x")
                    .containsEntry("timeout", 30)
                    .containsEntry("proxy", null);
            assertThat(found.toString()).doesNotContain("https://x");
        }
    }

    @Nested
    class Failures {
        @Test
        void should_retry_a_read_that_gets_a_502() {
            // given
            tenant.stubFor(get("/api/v1/spaces/sp1")
                    .inScenario("flaky")
                    .willReturn(aResponse().withStatus(502))
                    .willSetStateTo("ok"));
            tenant.stubFor(get("/api/v1/spaces/sp1")
                    .inScenario("flaky")
                    .whenScenarioStateIs("ok")
                    .willReturn(okJson("{\"id\":\"sp1\",\"name\":\"Finance\",\"type\":\"shared\"}")));

            // when / then
            assertThat(client.space("sp1")).isPresent();
            assertThat(stats.retries()).isEqualTo(1);
        }

        @Test
        void should_stop_the_run_on_a_401_from_a_read() {
            // given
            tenant.stubFor(get("/api/v1/data-sources")
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withBody(TenantFixtures.errors(401, "Unauthorized", "Invalid API key"))));

            // when / then
            assertThatThrownBy(client::dataSources)
                    .isInstanceOf(UnauthorizedException.class)
                    .hasMessageContaining("Unauthorized - Invalid API key")
                    .satisfies(e -> assertThat(((RunStoppingException) e).runStatus())
                            .isEqualTo(RunStoppingException.RunStatus.FAILED));
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/data-sources")));
        }
    }
}

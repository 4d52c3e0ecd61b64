package dev.qcl.sandbox;

import static dev.qcl.sandbox.SandboxHttp.json;
import static dev.qcl.sandbox.SandboxHttp.postgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SandboxTenantTests {

    private SandboxTenant tenant;
    private SandboxHttp http;

    private void start(SandboxSettings settings) {
        tenant = SandboxTenant.start(settings);
        http = new SandboxHttp(tenant);
    }

    private void start() {
        start(SandboxSettings.defaults());
    }

    @AfterEach
    void stop() {
        if (tenant != null) {
            tenant.close();
        }
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asString()));
        return values;
    }

    @Nested
    class Authentication {

        @Test
        void should_answer_401_in_the_errors_shape_when_the_authorization_header_is_missing() throws Exception {
            // given
            start();
            // when
            var response = http.send("GET", "/spaces", null, null);
            // then
            assertThat(response.statusCode()).isEqualTo(401);
            JsonNode error = json(response).path("errors").get(0);
            assertThat(error.path("code").asString()).isEqualTo("HTTP-401");
            assertThat(error.path("title").asString()).isEqualTo("Unauthorized");
            assertThat(error.path("status").asInt()).isEqualTo(401);
            assertThat(error.path("detail").asString()).isNotBlank();
        }

        @Test
        void should_answer_401_and_store_nothing_when_the_api_key_is_wrong() throws Exception {
            // given
            start();
            // when
            var response = http.send("POST", "/data-connections", postgres("pg", null), "wrong-key");
            // then
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(tenant.connections()).isEmpty();
            assertThat(tenant.createRequests()).isEqualTo(1);
        }

        @Test
        void should_listen_on_loopback_and_report_its_url() {
            // given / when
            start(SandboxSettings.defaults().withApiKey("k-123"));
            // then
            assertThat(tenant.url()).isEqualTo("http://127.0.0.1:" + tenant.port());
            assertThat(tenant.apiKey()).isEqualTo("k-123");
            assertThat(tenant.port()).isPositive();
        }
    }

    @Nested
    class DataSources {

        @Test
        void should_list_the_six_connectors_with_a_last_updated_stamp() throws Exception {
            // given
            start();
            // when
            JsonNode body = json(http.get("/data-sources"));
            // then
            assertThat(texts(body.path("dataSources"), "dataSourceId"))
                    .containsExactlyInAnyOrder(
                            "File_AmazonS3ConnectorV2",
                            "File_AzureStorageConnector",
                            "rest",
                            "postgres",
                            "snowflake",
                            "databricks");
            assertThat(body.path("dataSources").get(0).path("providerName").asString())
                    .isNotBlank();
            assertThat(body.path("lastUpdated").asString()).endsWith("Z");
        }

        @Test
        void should_filter_the_list_by_data_source_id() throws Exception {
            // given
            start();
            // when
            JsonNode body = json(http.get("/data-sources?dataSourceId=rest"));
            // then
            assertThat(texts(body.path("dataSources"), "dataSourceId")).containsExactly("rest");
        }

        @Test
        void should_serve_the_s3_api_specs_of_the_tutorial() throws Exception {
            // given
            start();
            // when
            var response = http.get("/data-sources/File_AmazonS3ConnectorV2/api-specs");
            // then
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode specs = json(response);
            assertThat(specs.path("connectorProvider").asString())
                    .isEqualTo("QvWebStorageProviderConnectorPackage.exe");
            assertThat(specs.path("connectorVersion").asString()).isEqualTo("4.46.0");
            JsonNode region =
                    specs.path("connectionProperties").path("properties").path("region");
            assertThat(texts(region.path("enum"), "x")).hasSize(33);
            assertThat(region.path("enum").toString()).contains("\"af-south-1\"", "\"us-east-1\"", "\"eu-west-1\"");
            assertThat(region.path("description").asString())
                    .isEqualTo("Amazon S3 region code. (Default=us-east-1). (enum values are case sensitive)");
        }

        @Test
        void should_declare_required_properties_and_password_formats() throws Exception {
            // given
            start();
            // when
            JsonNode postgresSpecs =
                    json(http.get("/data-sources/postgres/api-specs")).path("connectionProperties");
            JsonNode snowflakeSpecs =
                    json(http.get("/data-sources/snowflake/api-specs")).path("connectionProperties");
            // then
            assertThat(postgresSpecs.path("required").toString()).isEqualTo("[\"host\",\"database\"]");
            assertThat(postgresSpecs
                            .path("properties")
                            .path("port")
                            .path("type")
                            .asString())
                    .isEqualTo("integer");
            assertThat(snowflakeSpecs
                            .path("properties")
                            .path("privateKeyFile")
                            .path("type")
                            .asString())
                    .isEqualTo("array");
            assertThat(snowflakeSpecs
                            .path("properties")
                            .path("privateKeyPassphrase")
                            .path("format")
                            .asString())
                    .isEqualTo("password");
        }

        @Test
        void should_answer_404_for_api_specs_of_an_unknown_data_source() throws Exception {
            // given
            start();
            // when
            var response = http.get("/data-sources/oracle-typo/api-specs");
            // then
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(json(response).path("errors").get(0).path("status").asInt())
                    .isEqualTo(404);
        }
    }

    @Nested
    class Spaces {

        @Test
        void should_search_names_case_insensitively_by_substring() throws Exception {
            // given
            start();
            // when
            JsonNode body = json(http.get("/spaces?name=FIN&limit=100"));
            // then
            assertThat(texts(body.path("data"), "name")).containsExactly("Finance", "Finance Archive", "Griffin Ops");
            assertThat(body.path("meta").path("count").asInt()).isEqualTo(3);
        }

        @Test
        void should_page_with_an_absolute_next_link_until_the_last_page() throws Exception {
            // given
            start();
            List<String> names = new ArrayList<>();
            String url = tenant.url() + "/api/v1/spaces?name=fin&limit=2";
            int pages = 0;
            // when
            while (url != null) {
                JsonNode body = json(http.get(url));
                names.addAll(texts(body.path("data"), "name"));
                JsonNode next = body.path("links").path("next").path("href");
                url = next.isMissingNode() ? null : next.asString();
                assertThat(url == null || url.startsWith(tenant.url() + "/api/v1/spaces?"))
                        .isTrue();
                pages++;
            }
            // then
            assertThat(pages).isEqualTo(2);
            assertThat(names).containsExactly("Finance", "Finance Archive", "Griffin Ops");
        }

        @Test
        void should_default_to_ten_spaces_per_page_and_reject_a_limit_over_100() throws Exception {
            // given
            start();
            for (int i = 0; i < 6; i++) {
                tenant.addSpace("Team " + i, "shared");
            }
            // when
            JsonNode firstPage = json(http.get("/spaces"));
            var tooMany = http.get("/spaces?limit=101");
            // then
            assertThat(firstPage.path("data").size()).isEqualTo(10);
            assertThat(firstPage.path("meta").path("count").asInt()).isEqualTo(12);
            assertThat(tooMany.statusCode()).isEqualTo(400);
        }

        @Test
        void should_get_one_space_by_id_and_answer_404_for_an_unknown_id() throws Exception {
            // given
            start();
            String id = tenant.addSpace("Risk", "managed");
            // when
            var found = http.get("/spaces/" + id);
            var missing = http.get("/spaces/0123456789abcdef01234567");
            // then
            assertThat(id).matches("[0-9a-f]{24}");
            assertThat(json(found).path("name").asString()).isEqualTo("Risk");
            assertThat(json(found).path("type").asString()).isEqualTo("managed");
            assertThat(missing.statusCode()).isEqualTo(404);
        }

        @Test
        void should_start_with_the_seeded_spaces_under_stable_ids() {
            // given / when
            start();
            // then
            assertThat(tenant.spaces()).containsExactlyElementsOf(SandboxSeed.SPACES);
            assertThat(tenant.personalSpaceId()).isEqualTo(SandboxSeed.PERSONAL_SPACE_ID);
        }
    }

    @Nested
    class Create {

        @Test
        void should_store_the_connection_and_answer_201_like_the_tutorial() throws Exception {
            // given
            start();
            // when
            var response = http.post("/data-connections", postgres("finance-dw", SandboxSeed.FINANCE_SPACE_ID));
            // then
            assertThat(response.statusCode()).isEqualTo(201);
            JsonNode body = json(response);
            assertThat(body.path("id").asString())
                    .isEqualTo(body.path("qID").asString())
                    .hasSize(36);
            assertThat(body.path("qName").asString()).isEqualTo("finance-dw");
            assertThat(body.path("datasourceID").asString()).isEqualTo("postgres");
            assertThat(body.path("space").asString()).isEqualTo(SandboxSeed.FINANCE_SPACE_ID);
            assertThat(body.path("tags").toString())
                    .isEqualTo("[\"migrated\",\"finance\",\"DcaasAPI:QvOdbcConnectorPackage.exe:8.11.0\"]");
            assertThat(body.path("qConnectStatement").asString())
                    .contains("host=db.example.com")
                    .doesNotContain("demo-only-secret");
            StoredConnection stored = tenant.connectionsNamed("finance-dw").get(0);
            assertThat(stored.id()).isEqualTo(body.path("id").asString());
            assertThat(stored.properties()).containsEntry("port", 5432).containsEntry("password", "demo-only-secret");
        }

        @Test
        void should_answer_409_for_the_same_name_in_the_same_space_but_201_in_another_space() throws Exception {
            // given
            start();
            http.post("/data-connections", postgres("dw", SandboxSeed.FINANCE_SPACE_ID));
            // when
            var again = http.post("/data-connections", postgres("dw", SandboxSeed.FINANCE_SPACE_ID));
            var elsewhere = http.post("/data-connections", postgres("dw", SandboxSeed.SALES_SPACE_ID));
            // then
            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(json(again).path("errors").get(0).path("detail").asString())
                    .contains("dw");
            assertThat(elsewhere.statusCode()).isEqualTo(201);
            assertThat(tenant.connectionsNamed("dw"))
                    .extracting(StoredConnection::spaceId)
                    .containsExactly(SandboxSeed.FINANCE_SPACE_ID, SandboxSeed.SALES_SPACE_ID);
            assertThat(tenant.createRequests()).isEqualTo(3);
        }

        @Test
        void should_put_a_connection_without_space_into_the_personal_space() throws Exception {
            // given
            start();
            // when
            var response = http.post("/data-connections", postgres("mine", null));
            var twice = http.post("/data-connections", postgres("mine", null));
            // then
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(json(response).has("space")).isFalse();
            assertThat(tenant.connectionsNamed("mine").get(0).spaceId()).isEqualTo(tenant.personalSpaceId());
            assertThat(twice.statusCode()).isEqualTo(409);
        }

        @Test
        void should_answer_404_when_the_space_does_not_exist() throws Exception {
            // given
            start();
            // when
            var response = http.post("/data-connections", postgres("dw", "0123456789abcdef01234567"));
            // then
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(tenant.connections()).isEmpty();
        }

        @Test
        void should_answer_400_for_an_unknown_property_naming_it() throws Exception {
            // given
            start();
            String body = """
                    {"dataSourceId": "postgres", "qName": "pg", "connectionProperties": {"host": "h", "database": "d", "bucketName": "b"}}
                    """;
            // when
            var response = http.post("/data-connections", body);
            // then
            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = json(response).path("errors").get(0);
            assertThat(error.path("code").asString()).isEqualTo("DCERROR-0010");
            assertThat(error.path("detail").asString()).contains("bucketName");
            assertThat(tenant.connections()).isEmpty();
        }

        @Test
        void should_answer_400_for_a_string_where_the_spec_declares_an_integer() throws Exception {
            // given
            start();
            String body = """
                    {"dataSourceId": "postgres", "qName": "pg", "connectionProperties": {"host": "h", "database": "d", "port": "5432"}}
                    """;
            // when
            var response = http.post("/data-connections", body);
            // then
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).path("errors").get(0).path("detail").asString())
                    .contains("port", "integer");
        }

        @Test
        void should_answer_400_for_a_missing_required_property_or_an_enum_near_miss() throws Exception {
            // given
            start();
            String noDatabase = """
                    {"dataSourceId": "postgres", "qName": "pg", "connectionProperties": {"host": "h"}}
                    """;
            String upperCaseRegion = """
                    {"dataSourceId": "File_AmazonS3ConnectorV2", "qName": "s3", "connectionProperties": {"region": "US-East-1"}}
                    """;
            // when
            var missing = http.post("/data-connections", noDatabase);
            var nearMiss = http.post("/data-connections", upperCaseRegion);
            // then
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(json(missing).path("errors").get(0).path("detail").asString())
                    .contains("database");
            assertThat(nearMiss.statusCode()).isEqualTo(400);
            assertThat(json(nearMiss).path("errors").get(0).path("detail").asString())
                    .contains("US-East-1", "us-east-1");
        }

        @Test
        void should_answer_400_for_an_unknown_data_source_or_a_missing_name() throws Exception {
            // given
            start();
            // when
            var unknownSource = http.post("/data-connections", """
                    {"dataSourceId": "oracle", "qName": "o", "connectionProperties": {}}""");
            var noName = http.post("/data-connections", """
                    {"dataSourceId": "rest", "connectionProperties": {"url": "https://x"}}""");
            var notJson = http.post("/data-connections", "{not json");
            // then
            assertThat(unknownSource.statusCode()).isEqualTo(400);
            assertThat(noName.statusCode()).isEqualTo(400);
            assertThat(notJson.statusCode()).isEqualTo(400);
        }

        @Test
        void should_answer_400_for_more_than_31_tags_or_a_tag_over_256_bytes() throws Exception {
            // given
            start();
            String tags32 = Json.MAPPER.writeValueAsString(java.util.stream.IntStream.range(0, 32)
                    .mapToObj(i -> "t" + i)
                    .toList());
            String longTag = "\"" + "é".repeat(129) + "\"";
            String template = """
                    {"dataSourceId": "rest", "qName": "%s", "connectionProperties": {"url": "https://x"}, "tags": %s}""";
            // when
            var tooMany = http.post("/data-connections", template.formatted("a", tags32));
            var tooLong = http.post("/data-connections", template.formatted("b", "[" + longTag + "]"));
            var fine = http.post("/data-connections", template.formatted("c", "[\"" + "x".repeat(256) + "\"]"));
            // then
            assertThat(tooMany.statusCode()).isEqualTo(400);
            assertThat(tooLong.statusCode()).isEqualTo(400);
            assertThat(fine.statusCode()).isEqualTo(201);
        }

        @Test
        void should_accept_a_key_file_as_an_array_of_name_and_value() throws Exception {
            // given
            start();
            String body = """
                    {"dataSourceId": "snowflake", "qName": "sf", "space": "%s", "connectionProperties": {
                      "server": "acme.snowflakecomputing.com", "authenticator": "snowflake_jwt",
                      "privateKeyFile": [{"name": "rsa_key.p8", "value": "ZGVtby1vbmx5"}], "privateKeyPassphrase": "demo-only"}}
                    """.formatted(SandboxSeed.DATA_ENGINEERING_SPACE_ID);
            // when
            var response = http.post("/data-connections", body);
            // then
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(tenant.connectionsNamed("sf").get(0).properties().get("privateKeyFile"))
                    .isEqualTo(List.of(Map.of("name", "rsa_key.p8", "value", "ZGVtby1vbmx5")));
        }

        @Test
        void should_create_exactly_once_when_many_clients_race_for_the_same_name() throws Exception {
            // given
            start();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            List<Callable<Integer>> racers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                racers.add(() -> http.post("/data-connections", postgres("race", SandboxSeed.SALES_SPACE_ID))
                        .statusCode());
            }
            // when
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(racers)) {
                statuses.add(f.get());
            }
            pool.shutdown();
            // then
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(31);
            assertThat(tenant.connectionsNamed("race")).hasSize(1);
        }
    }

    @Nested
    class Read {

        @Test
        void should_list_a_space_page_by_page_following_absolute_next_links() throws Exception {
            // given
            start();
            for (int i = 0; i < 5; i++) {
                tenant.addConnection(
                        SandboxSeed.FINANCE_SPACE_ID, "pg-" + i, "postgres", Map.of("host", "h", "database", "d"));
            }
            tenant.addConnection(SandboxSeed.SALES_SPACE_ID, "other", "postgres", Map.of("host", "h", "database", "d"));
            List<String> names = new ArrayList<>();
            String url = "/data-connections?spaceId=" + SandboxSeed.FINANCE_SPACE_ID + "&noDatafiles=true&limit=2";
            // when
            while (url != null) {
                JsonNode body = json(http.get(url));
                names.addAll(texts(body.path("data"), "qName"));
                assertThat(body.path("meta").path("count").asInt()).isEqualTo(5);
                JsonNode next = body.path("links").path("next").path("href");
                url = next.isMissingNode() ? null : next.asString();
                assertThat(url == null || url.startsWith(tenant.url() + "/api/v1/data-connections?"))
                        .isTrue();
            }
            // then
            assertThat(names).containsExactly("pg-0", "pg-1", "pg-2", "pg-3", "pg-4");
        }

        @Test
        void should_include_the_built_in_data_files_connection_unless_asked_not_to() throws Exception {
            // given
            start();
            tenant.addConnection(SandboxSeed.MARKETING_SPACE_ID, "rest-1", "rest", Map.of("url", "https://x"));
            // when
            JsonNode withFiles = json(http.get("/data-connections?spaceId=" + SandboxSeed.MARKETING_SPACE_ID));
            JsonNode withoutFiles =
                    json(http.get("/data-connections?noDatafiles=true&spaceId=" + SandboxSeed.MARKETING_SPACE_ID));
            // then
            assertThat(texts(withFiles.path("data"), "qName")).containsExactly("DataFiles", "rest-1");
            assertThat(texts(withoutFiles.path("data"), "qName")).containsExactly("rest-1");
            assertThat(withoutFiles.path("links").has("next")).isFalse();
        }

        @Test
        void should_list_everything_visible_without_space_id_and_only_personal_ones_with_personal_true()
                throws Exception {
            // given
            start();
            tenant.addConnection(null, "mine", "rest", Map.of("url", "https://a"));
            tenant.addConnection(SandboxSeed.SALES_SPACE_ID, "shared", "rest", Map.of("url", "https://b"));
            // when
            JsonNode all = json(http.get("/data-connections?noDatafiles=true&limit=100"));
            JsonNode personal = json(http.get("/data-connections?noDatafiles=true&personal=true"));
            // then
            assertThat(texts(all.path("data"), "qName")).containsExactly("mine", "shared");
            assertThat(texts(personal.path("data"), "qName")).containsExactly("mine");
        }

        @Test
        void should_answer_404_for_an_unknown_endpoint_and_405_for_a_wrong_method() throws Exception {
            // given
            start();
            // when
            var unknown = http.get("/apps");
            var wrongMethod = http.send("DELETE", "/spaces", null, tenant.apiKey());
            // then
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(wrongMethod.statusCode()).isEqualTo(405);
            assertThat(json(wrongMethod).path("errors").get(0).path("code").asString())
                    .isEqualTo("HTTP-405");
        }

        @Test
        void should_get_a_connection_by_name_within_a_space_and_answer_404_elsewhere() throws Exception {
            // given
            start();
            var stored =
                    tenant.addConnection(SandboxSeed.SALES_SPACE_ID, "crm api", "rest", Map.of("url", "https://crm"));
            // when
            var found =
                    http.get("/data-connections/crm%20api?type=connectionname&spaceId=" + SandboxSeed.SALES_SPACE_ID);
            var otherSpace =
                    http.get("/data-connections/crm%20api?type=connectionname&spaceId=" + SandboxSeed.FINANCE_SPACE_ID);
            var byId = http.get("/data-connections/" + stored.id());
            // then
            assertThat(found.statusCode()).isEqualTo(200);
            assertThat(json(found).path("id").asString()).isEqualTo(stored.id());
            assertThat(otherSpace.statusCode()).isEqualTo(404);
            assertThat(json(byId).path("qName").asString()).isEqualTo("crm api");
        }

        @Test
        void should_show_parsed_properties_with_spec_defaults_and_without_secret_values() throws Exception {
            // given
            start();
            var stored = tenant.addConnection(
                    SandboxSeed.MARKETING_SPACE_ID,
                    "blob",
                    "File_AzureStorageConnector",
                    Map.of("storageAccount", "acme", "accountKey", "demo-only-key", "container", "exports"));
            // when
            JsonNode parsed = json(http.get("/data-connections/" + stored.id() + "?parseConnection=true"));
            JsonNode plain = json(http.get("/data-connections/" + stored.id()));
            // then
            assertThat(parsed.path("connectionProperties").propertyNames())
                    .containsExactly("storageAccount", "container", "endpointSuffix", "separateCredentials");
            assertThat(parsed.path("connectionProperties")
                            .path("endpointSuffix")
                            .asString())
                    .isEqualTo("core.windows.net");
            assertThat(parsed.toString()).doesNotContain("demo-only-key");
            assertThat(plain.has("connectionProperties")).isFalse();
        }
    }

    @Nested
    class Update {

        @Test
        void should_patch_a_property_and_answer_204() throws Exception {
            // given
            start();
            var stored = tenant.addConnection(
                    SandboxSeed.FINANCE_SPACE_ID, "pg", "postgres", Map.of("host", "h", "database", "d"));
            String patch = """
                    [{"op": "replace", "path": "/connectionProperties/port", "value": 6543},
                     {"op": "replace", "path": "/tags", "value": ["patched"]}]""";
            // when
            var response = http.send("PATCH", "/data-connections/" + stored.id(), patch, tenant.apiKey());
            // then
            assertThat(response.statusCode()).isEqualTo(204);
            StoredConnection after = tenant.connectionsNamed("pg").get(0);
            assertThat(after.properties()).containsEntry("port", 6543);
            assertThat(after.tags()).containsExactly("patched", "DcaasAPI:QvOdbcConnectorPackage.exe:8.11.0");
            assertThat(tenant.writeRequests()).isEqualTo(1);
        }

        @Test
        void should_move_the_updated_time_on_every_patch_and_put_also_within_one_millisecond() throws Exception {
            // given: a clock that stands still, so that only the tenant's own rule can move the time
            tenant = SandboxTenant.start(
                    SandboxSettings.defaults(),
                    java.time.Clock.fixed(
                            java.time.Instant.parse("2026-12-01T10:00:00.000500Z"), java.time.ZoneOffset.UTC));
            http = new SandboxHttp(tenant);
            var stored = tenant.addConnection(
                    SandboxSeed.FINANCE_SPACE_ID, "pg", "postgres", Map.of("host", "h", "database", "d"));
            String patch = """
                    [{"op": "replace", "path": "/connectionProperties/port", "value": 6543}]""";
            String put = """
                    {"dataSourceId": "postgres", "qName": "pg", "connectionProperties": {"host": "h2", "database": "d2"}}""";
            // when
            String created = json(http.get("/data-connections/" + stored.id()))
                    .path("updated")
                    .asString();
            http.send("PATCH", "/data-connections/" + stored.id(), patch, tenant.apiKey());
            String patched = json(http.get("/data-connections/" + stored.id()))
                    .path("updated")
                    .asString();
            http.send("PUT", "/data-connections/" + stored.id(), put, tenant.apiKey());
            String replaced = json(http.get("/data-connections/" + stored.id()))
                    .path("updated")
                    .asString();
            // then
            assertThat(List.of(created, patched, replaced))
                    .containsExactly("2026-12-01T10:00:00Z", "2026-12-01T10:00:00.001Z", "2026-12-01T10:00:00.002Z");
            assertThat(json(http.get("/data-connections/" + stored.id()))
                            .path("created")
                            .asString())
                    .isEqualTo("2026-12-01T10:00:00Z");
        }

        @Test
        void should_reject_a_patch_with_a_wrongly_typed_value_and_keep_the_connection() throws Exception {
            // given
            start();
            var stored = tenant.addConnection(
                    SandboxSeed.FINANCE_SPACE_ID, "pg", "postgres", Map.of("host", "h", "database", "d"));
            String patch = """
                    [{"op": "replace", "path": "/connectionProperties/port", "value": "6543"}]""";
            // when
            var response = http.send("PATCH", "/data-connections/" + stored.id(), patch, tenant.apiKey());
            var unknown = http.send("PATCH", "/data-connections/no-such-id", patch, tenant.apiKey());
            // then
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(tenant.connectionsNamed("pg").get(0).properties()).doesNotContainKey("port");
            assertThat(unknown.statusCode()).isEqualTo(404);
        }

        @Test
        void should_replace_a_connection_with_put() throws Exception {
            // given
            start();
            var stored = tenant.addConnection(
                    SandboxSeed.FINANCE_SPACE_ID, "pg", "postgres", Map.of("host", "h", "database", "d"));
            String body = """
                    {"dataSourceId": "postgres", "qName": "pg", "connectionProperties": {"host": "h2", "database": "d2"}}""";
            // when
            var response = http.send("PUT", "/data-connections/" + stored.id(), body, tenant.apiKey());
            // then
            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(tenant.connectionsNamed("pg").get(0).properties())
                    .isEqualTo(Map.of("host", "h2", "database", "d2"));
        }

        @Test
        void should_delete_a_connection_so_it_is_gone() throws Exception {
            // given
            start();
            var stored = tenant.addConnection(null, "pg", "postgres", Map.of("host", "h", "database", "d"));
            // when
            var deleted = http.send("DELETE", "/data-connections/" + stored.id(), null, tenant.apiKey());
            var lookup = http.get("/data-connections/" + stored.id());
            // then
            assertThat(deleted.statusCode()).isEqualTo(204);
            assertThat(lookup.statusCode()).isEqualTo(404);
            assertThat(tenant.connections()).isEmpty();
        }

        @Test
        void should_answer_409_when_a_patch_renames_a_connection_onto_a_taken_name() throws Exception {
            // given
            start();
            tenant.addConnection(SandboxSeed.SALES_SPACE_ID, "taken", "rest", Map.of("url", "https://a"));
            tenant.addConnection(SandboxSeed.SALES_SPACE_ID, "mover", "rest", Map.of("url", "https://b"));
            String patch = """
                    [{"op": "replace", "path": "/qName", "value": "taken"}]""";
            // when
            var response = http.send(
                    "PATCH",
                    "/data-connections/mover?type=connectionname&spaceId=" + SandboxSeed.SALES_SPACE_ID,
                    patch,
                    tenant.apiKey());
            // then
            assertThat(response.statusCode()).isEqualTo(409);
            assertThat(tenant.connectionsNamed("mover")).hasSize(1);
        }

        @Test
        void should_refuse_to_seed_a_connection_the_tenant_would_reject() {
            // given
            start();
            // when / then
            assertThatThrownBy(() -> tenant.addConnection(null, "pg", "postgres", Map.of("host", "h")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("database");
        }
    }

    @Nested
    class Emulation {

        @Test
        void should_answer_429_with_retry_after_when_the_write_quota_is_used_up() throws Exception {
            // given
            start(SandboxSettings.defaults().withWriteQuotaPerMinute(2));
            http.post("/data-connections", postgres("a", null));
            http.post("/data-connections", postgres("b", null));
            // when
            HttpResponse<String> third = http.post("/data-connections", postgres("c", null));
            var read = http.get("/spaces");
            // then
            assertThat(third.statusCode()).isEqualTo(429);
            long retryAfter =
                    Long.parseLong(third.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            JsonNode error = json(third).path("errors").get(0);
            assertThat(error.path("code").asString()).isEqualTo("HTTP-429");
            assertThat(error.path("title").asString()).isEqualTo("API rate limit reached.");
            assertThat(error.path("detail").asString())
                    .isEqualTo("You need to wait " + retryAfter + " seconds until limit is lifted.");
            assertThat(tenant.throttledRequests()).isEqualTo(1);
            assertThat(tenant.connectionsNamed("c")).isEmpty();
            assertThat(read.statusCode()).isEqualTo(200);
        }

        @Test
        void should_leave_only_what_another_clients_burst_did_not_take_of_the_write_quota() throws Exception {
            // given: 4 writes a minute; another client of the same user sends 3 at once each minute, from the start
            start(SandboxSettings.defaults()
                    .withWriteQuotaPerMinute(4)
                    .withOtherClientBursts(3, Duration.ofMinutes(1)));
            var first = http.post("/data-connections", postgres("a", null));
            // when
            var second = http.post("/data-connections", postgres("b", null));
            // then: the burst came first and holds its three until it leaves the window
            assertThat(first.statusCode()).isEqualTo(201);
            assertThat(second.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow()))
                    .isBetween(50L, 60L);
            assertThat(tenant.connectionsNamed("b")).isEmpty();
        }

        @Test
        void should_answer_503_and_store_nothing_for_the_failing_fraction_of_writes() throws Exception {
            // given
            start(SandboxSettings.defaults().withFailureRate503(1.0));
            // when
            var response = http.post("/data-connections", postgres("pg", null));
            // then
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).path("errors").get(0).path("code").asString())
                    .isEqualTo("HTTP-503");
            assertThat(tenant.connections()).isEmpty();
        }

        @Test
        void should_store_the_connection_then_reset_the_connection_when_dropping_after_commit() throws Exception {
            // given
            start(SandboxSettings.defaults().withDropAfterCommitRate(1.0));
            // when / then
            assertThatThrownBy(() -> http.post("/data-connections", postgres("pg", SandboxSeed.SALES_SPACE_ID)))
                    .isInstanceOf(IOException.class);
            assertThat(tenant.connectionsNamed("pg")).hasSize(1);
            var lookup = http.get("/data-connections/pg?type=connectionname&spaceId=" + SandboxSeed.SALES_SPACE_ID);
            assertThat(lookup.statusCode()).isEqualTo(200);
        }

        @Test
        void should_delay_every_response_by_the_latency() throws Exception {
            // given
            start(SandboxSettings.defaults().withLatency(java.time.Duration.ofMillis(150)));
            long started = System.nanoTime();
            // when
            var response = http.send("GET", "/spaces", null, null);
            // then
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        }

        @Test
        void should_record_requests_in_the_wiremock_journal() throws Exception {
            // given
            start();
            // when
            http.get("/data-sources");
            // then
            assertThat(tenant.server().getAllServeEvents()).hasSize(1);
            assertThat(tenant.server().getAllServeEvents().get(0).getRequest().getUrl())
                    .isEqualTo("/api/v1/data-sources");
        }
    }
}

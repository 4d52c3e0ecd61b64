package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.qcl.qlik.ConnectionDeletes.ErrorJson;
import dev.qcl.qlik.api.BulkDeleteOutcome;
import dev.qcl.qlik.api.WriteOutcome;
import dev.qcl.qlik.failure.RejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deleting connections: the admins' bulk action with one status per item, and one DELETE each. */
class QlikClientDeleteTests extends AgainstWireMockTenant {
    private static final String BULK = "/api/v1/data-connections/actions/delete";

    private static ResponseDefinitionBuilder multiStatus(String body) {
        return aResponse()
                .withStatus(207)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    @Nested
    class Bulk {
        @Test
        void should_post_the_ids_and_return_one_status_per_connection() {
            // given: one deleted, one refused, one gone already, and an item without an ID
            tenant.stubFor(post(BULK).willReturn(multiStatus("""
                    {"data":[{"id":"c1","status":204},
                             {"id":"c2","status":403,"error":{"code":"X","title":"Forbidden","detail":"not the owner"}},
                             {"id":"c3","status":404,"error":{"title":"Not found"}},
                             {"status":204}]}""")));

            // when
            BulkDeleteOutcome outcome = client.deleteConnections(List.of("c1", "c2", "c3"));

            // then
            assertThat(outcome.httpStatus()).isEqualTo(207);
            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.items())
                    .containsOnly(
                            Map.entry("c1", new BulkDeleteOutcome.Item(204, "")),
                            Map.entry("c2", new BulkDeleteOutcome.Item(403, "Forbidden: not the owner")),
                            Map.entry("c3", new BulkDeleteOutcome.Item(404, "Not found")));
            assertThat(outcome.items().get("c1").deleted()).isTrue();
            assertThat(outcome.items().get("c2").deleted()).isFalse();
            tenant.verify(
                    exactly(1),
                    postRequestedFor(urlPathEqualTo(BULK))
                            .withRequestBody(equalToJson(
                                    "{\"connections\":[{\"id\":\"c1\"},{\"id\":\"c2\"},{\"id\":\"c3\"}]}")));
        }

        @Test
        void should_mask_the_api_key_where_an_items_error_echoes_it() {
            // given
            tenant.stubFor(post(BULK)
                    .willReturn(multiStatus("{\"data\":[{\"id\":\"c1\",\"status\":401,"
                            + "\"error\":{\"title\":\"Unauthorized\",\"detail\":\"key " + TenantFixtures.API_KEY
                            + " may not\"}}]}")));

            // when / then
            assertThat(client.deleteConnections(List.of("c1")).items().get("c1").error())
                    .isEqualTo("Unauthorized: key **** may not");
        }

        @Test
        void should_return_no_items_when_the_answer_lists_none() {
            // given
            tenant.stubFor(post(BULK).willReturn(multiStatus("{}")));

            // when / then
            assertThat(client.deleteConnections(List.of("c1")).items()).isEmpty();
        }

        @Test
        void should_reject_the_bulk_delete_of_a_user_who_is_not_an_admin() {
            // given
            tenant.stubFor(post(BULK)
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withBody(TenantFixtures.errors(403, "Forbidden", "admins only"))));

            // when / then
            assertThatThrownBy(() -> client.deleteConnections(List.of("c1", "c2")))
                    .isInstanceOf(RejectedException.class)
                    .hasMessage(
                            "bulk delete of 2 data connection(s) was rejected with HTTP 403: Forbidden - admins only");
        }

        @Test
        void should_retry_the_bulk_delete_after_a_503() {
            // given
            tenant.stubFor(post(BULK)
                    .inScenario("busy")
                    .whenScenarioStateIs(STARTED)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("up"));
            tenant.stubFor(post(BULK)
                    .inScenario("busy")
                    .whenScenarioStateIs("up")
                    .willReturn(multiStatus("{\"data\":[{\"id\":\"c1\",\"status\":204}]}")));

            // when
            BulkDeleteOutcome outcome = client.deleteConnections(List.of("c1"));

            // then
            assertThat(outcome.attempts()).isEqualTo(2);
            assertThat(outcome.items()).containsOnlyKeys("c1");
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                nullValues = "null",
                value = {
                    "Forbidden | not the owner | Forbidden: not the owner",
                    "Forbidden | ' '           | Forbidden",
                    "Forbidden | null          | Forbidden",
                    "null      | not the owner | not the owner",
                    "''        | not the owner | not the owner",
                    "null      | null          | ''"
                })
        void should_describe_an_items_error_by_title_and_detail(String title, String detail, String text) {
            assertThat(new ErrorJson("X", title, detail).describe()).isEqualTo(text);
        }
    }

    @Nested
    class One_by_one {
        @Test
        void should_delete_a_connection_by_id() {
            // given
            tenant.stubFor(
                    delete("/api/v1/data-connections/c1").willReturn(aResponse().withStatus(204)));

            // when / then
            assertThat(client.deleteConnection("c1")).isEqualTo(new WriteOutcome(204, 1));
            tenant.verify(exactly(1), deleteRequestedFor(urlPathEqualTo("/api/v1/data-connections/c1")));
        }

        @Test
        void should_return_a_404_as_gone_already() {
            // given
            tenant.stubFor(delete("/api/v1/data-connections/gone").willReturn(notFound()));

            // when / then
            assertThat(client.deleteConnection("gone")).isEqualTo(new WriteOutcome(404, 1));
        }

        @Test
        void should_reject_a_delete_the_tenant_refuses() {
            // given
            tenant.stubFor(delete("/api/v1/data-connections/c1")
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withBody(TenantFixtures.errors(403, "Forbidden", "not the owner"))));

            // when / then
            assertThatThrownBy(() -> client.deleteConnection("c1"))
                    .isInstanceOf(RejectedException.class)
                    .hasMessage("delete of data connection c1 was rejected with HTTP 403: Forbidden - not the owner");
        }
    }

    @Nested
    class Outcome {
        @ParameterizedTest
        @CsvSource({"199, false", "200, true", "204, true", "299, true", "300, false", "404, false"})
        void should_count_only_a_2xx_item_as_deleted(int status, boolean deleted) {
            assertThat(new BulkDeleteOutcome.Item(status, "").deleted()).isEqualTo(deleted);
        }
    }
}

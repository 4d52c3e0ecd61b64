package dev.qcl.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qcl.LoopbackTenant;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.qlik.failure.RejectedException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The connections of each target space, listed once per space per run by a real client on loopback. */
class ExistingConnectionsTests {
    static final String FINANCE = "6601c0a3e9b1f24d7a5c8e10";
    static final String SALES = "6601c0a3e9b1f24d7a5c8e12";

    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    final ExistingConnections existing = new ExistingConnections(tenant.client);

    void listing(String spaceId, String body) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                .withQueryParam("spaceId", equalTo(spaceId))
                .willReturn(okJson(body)));
    }

    void personalListing(String body) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                .withQueryParam("personal", equalTo("true"))
                .willReturn(okJson(body)));
    }

    int listings() {
        return tenant.server
                .findAll(getRequestedFor(urlPathEqualTo("/api/v1/data-connections")))
                .size();
    }

    @Nested
    class Finding {
        @Test
        void should_find_a_listed_connection_by_name_and_list_the_space_once_when_several_rows_ask() {
            // given
            listing(
                    FINANCE,
                    LoopbackTenant.page(
                            LoopbackTenant.connection("c-1", "pg-1", FINANCE),
                            LoopbackTenant.connection("c-2", "pg-2", FINANCE)));

            // when
            var first = existing.find(FINANCE, "pg-1");
            var second = existing.find(FINANCE, "pg-2");
            var absent = existing.find(FINANCE, "pg-3");

            // then
            assertThat(first).map(ExistingConnection::id).contains("c-1");
            assertThat(second).map(ExistingConnection::id).contains("c-2");
            assertThat(absent).isEmpty();
            tenant.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/data-connections")));
        }

        @Test
        void should_list_each_space_on_its_own_when_rows_name_the_same_connection_in_two_spaces() {
            // given
            listing(FINANCE, LoopbackTenant.page(LoopbackTenant.connection("c-f", "pg-1", FINANCE)));
            listing(SALES, LoopbackTenant.page(LoopbackTenant.connection("c-s", "pg-1", SALES)));

            // when
            var inFinance = existing.find(FINANCE, "pg-1");
            var inSales = existing.find(SALES, "pg-1");

            // then
            assertThat(inFinance).map(ExistingConnection::id).contains("c-f");
            assertThat(inSales).map(ExistingConnection::id).contains("c-s");
            assertThat(listings()).isEqualTo(2);
        }

        @Test
        void should_list_the_personal_space_when_the_row_names_no_space() {
            // given
            personalListing(LoopbackTenant.page(LoopbackTenant.connection("c-p", "mine", null)));

            // when
            var found = existing.find(null, "mine");

            // then
            assertThat(found).map(ExistingConnection::id).contains("c-p");
            assertThat(found).map(ExistingConnection::spaceId).isEmpty();
        }

        @Test
        void should_keep_the_first_of_two_listed_connections_with_one_name_when_the_tenant_lists_both() {
            // given
            listing(
                    FINANCE,
                    LoopbackTenant.page(
                            LoopbackTenant.connection("c-1", "pg-1", FINANCE),
                            LoopbackTenant.connection("c-2", "pg-1", FINANCE)));

            // when / then
            assertThat(existing.find(FINANCE, "pg-1"))
                    .map(ExistingConnection::id)
                    .contains("c-1");
        }

        @Test
        void should_leave_out_an_item_without_a_name_when_the_tenant_lists_one() {
            // given: an odd item (an ID, no name) before a real one
            listing(
                    FINANCE,
                    LoopbackTenant.page(
                            "{\"id\":\"odd-1\",\"tags\":[]}", LoopbackTenant.connection("c-1", "pg-1", FINANCE)));

            // when / then
            assertThat(existing.find(FINANCE, "pg-1"))
                    .map(ExistingConnection::id)
                    .contains("c-1");
        }
    }

    @Nested
    class Remembering {
        @Test
        void should_find_a_connection_this_run_created_without_listing_again_when_it_is_remembered() {
            // given
            listing(FINANCE, LoopbackTenant.page());
            listing(SALES, LoopbackTenant.page());
            assertThat(existing.find(FINANCE, "pg-1")).isEmpty();

            // when
            existing.remember(new ExistingConnection("c-9", "pg-1", "postgres", FINANCE, List.of(), Map.of()));

            // then
            assertThat(existing.find(FINANCE, "pg-1"))
                    .map(ExistingConnection::id)
                    .contains("c-9");
            assertThat(existing.find(SALES, "pg-1")).isEmpty();
            assertThat(listings()).isEqualTo(2);
        }

        @Test
        void should_remember_a_connection_of_the_personal_space_when_it_has_no_space() {
            // given
            personalListing(LoopbackTenant.page());

            // when
            existing.remember(new ExistingConnection("c-p", "mine", "postgres", null, List.of(), Map.of()));

            // then
            assertThat(existing.find(null, "mine")).map(ExistingConnection::id).contains("c-p");
        }

        @Test
        void should_remember_nothing_when_the_connection_has_no_name() {
            // given
            listing(FINANCE, LoopbackTenant.page());

            // when
            existing.remember(new ExistingConnection("c-9", null, "postgres", FINANCE, List.of(), Map.of()));

            // then: the space is not even listed for it
            assertThat(listings()).isZero();
            assertThat(existing.find(FINANCE, "pg-1")).isEmpty();
        }
    }

    @Nested
    class WhenTheTenantRefusesTheListing {
        @Test
        void should_throw_the_same_refusal_for_every_row_of_that_space_without_asking_again() {
            // given
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .withQueryParam("spaceId", equalTo(FINANCE))
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withHeader("Content-Type", "application/json")
                            .withBody(LoopbackTenant.errors("Forbidden", "no access to the space"))));
            listing(SALES, LoopbackTenant.page(LoopbackTenant.connection("c-s", "pg-1", SALES)));

            // when
            RejectedException first =
                    catchThrowableOfType(RejectedException.class, () -> existing.find(FINANCE, "pg-1"));
            RejectedException second =
                    catchThrowableOfType(RejectedException.class, () -> existing.find(FINANCE, "pg-2"));

            // then: one listing of Finance; the other space is still listed
            assertThat(first.httpStatus()).isEqualTo(403);
            assertThat(first.getMessage())
                    .contains("listing of data connections")
                    .contains("no access to the space");
            assertThat(second).isSameAs(first);
            assertThat(existing.find(SALES, "pg-1")).map(ExistingConnection::id).contains("c-s");
            tenant.server.verify(
                    exactly(1),
                    getRequestedFor(urlPathEqualTo("/api/v1/data-connections"))
                            .withQueryParam("spaceId", equalTo(FINANCE)));
        }
    }
}

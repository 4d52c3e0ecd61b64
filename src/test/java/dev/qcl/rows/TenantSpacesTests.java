package dev.qcl.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qcl.LoopbackTenant;
import dev.qcl.connector.TenantReadException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenant's spaces as validation looks them up: each ID and each name once per run, refusals kept. */
class TenantSpacesTests {
    static final String FINANCE = "6601c0a3e9b1f24d7a5c8e10";
    static final String ARCHIVE = "6601c0a3e9b1f24d7a5c8e11";
    static final String GONE = "6601c0a3e9b1f24d7a5c8e99";

    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    final TenantSpaces spaces = new TenantSpaces(tenant.client);

    static String space(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":" + (name == null ? "null" : "\"" + name + "\"")
                + ",\"type\":\"shared\"}";
    }

    void search(String name, String... spaces) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                .withQueryParam("name", equalTo(name))
                .willReturn(okJson(LoopbackTenant.page(spaces))));
    }

    void refuseSearch(String name, int status) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/spaces"))
                .withQueryParam("name", equalTo(name))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(LoopbackTenant.errors("Forbidden", "no reading of spaces"))));
    }

    @Nested
    class ById {
        @Test
        void should_tell_a_space_that_exists_from_one_that_does_not_and_ask_once_for_each() {
            // given
            tenant.server.stubFor(
                    get(urlPathEqualTo("/api/v1/spaces/" + FINANCE)).willReturn(okJson(space(FINANCE, "Finance"))));
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/spaces/" + GONE)).willReturn(notFound()));

            // when
            boolean finance = spaces.exists(FINANCE);
            boolean gone = spaces.exists(GONE);
            boolean financeAgain = spaces.exists(FINANCE);
            boolean goneAgain = spaces.exists(GONE);

            // then
            assertThat(finance).isTrue();
            assertThat(financeAgain).isTrue();
            assertThat(gone).isFalse();
            assertThat(goneAgain).isFalse();
            tenant.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/spaces/" + FINANCE)));
            tenant.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/spaces/" + GONE)));
        }

        @Test
        void should_throw_the_kept_refusal_with_its_status_when_the_look_up_was_refused() {
            // given
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/spaces/" + FINANCE))
                    .willReturn(aResponse()
                            .withStatus(403)
                            .withHeader("Content-Type", "application/json")
                            .withBody(LoopbackTenant.errors("Forbidden", "no reading of spaces"))));

            // when
            TenantReadException first = catchThrowableOfType(TenantReadException.class, () -> spaces.exists(FINANCE));
            TenantReadException second = catchThrowableOfType(TenantReadException.class, () -> spaces.exists(FINANCE));

            // then
            assertThat(first.httpStatus()).isEqualTo(403);
            assertThat(first.attempts()).isEqualTo(1);
            assertThat(first.getMessage())
                    .contains("look-up of space " + FINANCE)
                    .contains("no reading of spaces");
            assertThat(second).isSameAs(first);
            tenant.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/spaces/" + FINANCE)));
        }
    }

    @Nested
    class ByName {
        @Test
        void should_give_only_the_ids_of_spaces_named_exactly_so_when_the_search_finds_more() {
            // given: the tenant's search is a case-insensitive substring search
            search("Finance", space(FINANCE, "Finance"), space(ARCHIVE, "Finance Archive"), space(GONE, "finance"));

            // when / then
            assertThat(spaces.idsByExactName("Finance")).containsExactly(FINANCE);
        }

        @Test
        void should_give_each_name_found_once_without_blank_ones_when_suggesting_names() {
            // given
            search(
                    "Fin",
                    space(FINANCE, "Finance"),
                    space(ARCHIVE, "Finance Archive"),
                    space("s-3", "Finance"),
                    space("s-4", " "),
                    space("s-5", null));

            // when / then
            assertThat(spaces.namesLike("Fin")).containsExactly("Finance", "Finance Archive");
        }

        @Test
        void should_search_a_name_once_when_both_look_ups_ask_for_it() {
            // given
            search("Finance", space(FINANCE, "Finance"));

            // when
            var ids = spaces.idsByExactName("Finance");
            var names = spaces.namesLike("Finance");

            // then
            assertThat(ids).containsExactly(FINANCE);
            assertThat(names).containsExactly("Finance");
            tenant.server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/spaces")));
        }

        @Test
        void should_throw_the_kept_refusal_for_every_row_naming_the_space_when_the_search_was_refused() {
            // given
            refuseSearch("Griffin Ops", 403);
            search("Finance", space(FINANCE, "Finance"));

            // when
            TenantReadException first =
                    catchThrowableOfType(TenantReadException.class, () -> spaces.idsByExactName("Griffin Ops"));
            TenantReadException second =
                    catchThrowableOfType(TenantReadException.class, () -> spaces.namesLike("Griffin Ops"));

            // then: refused once, kept; another name is still searched
            assertThat(first.httpStatus()).isEqualTo(403);
            assertThat(first.getMessage()).contains("search for spaces named 'Griffin Ops'");
            assertThat(second).isSameAs(first);
            assertThat(spaces.idsByExactName("Finance")).containsExactly(FINANCE);
            tenant.server.verify(
                    exactly(1),
                    getRequestedFor(urlPathEqualTo("/api/v1/spaces")).withQueryParam("name", equalTo("Griffin Ops")));
        }
    }
}

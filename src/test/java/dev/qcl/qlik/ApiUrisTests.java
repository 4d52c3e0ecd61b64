package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Request URIs under the API root: every variable part encoded, next-page links kept on our own root. */
class ApiUrisTests {
    private final ApiUris uris = new ApiUris(URI.create("https://acme.eu.qlikcloud.com/api/v1"));

    @Nested
    class Building {
        @Test
        void should_encode_path_variables_and_query_values_fully() {
            URI uri = uris.of(
                    "/data-connections/{name}",
                    Map.of("name", "Sales & Co/EU 50%"),
                    ApiUris.query("type", "connectionname", "spaceId", "a+b"));

            assertThat(uri)
                    .hasToString("https://acme.eu.qlikcloud.com/api/v1/data-connections/Sales%20%26%20Co%2FEU%2050%25"
                            + "?type=connectionname&spaceId=a%2Bb");
        }

        @Test
        void should_leave_out_query_parameters_without_a_value() {
            URI uri = uris.of("/spaces", ApiUris.query("limit", 100, "name", null, "type", "shared"));

            assertThat(uri).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces?limit=100&type=shared");
        }

        @Test
        void should_build_a_uri_without_a_query() {
            assertThat(uris.of("/data-sources", Map.of()))
                    .hasToString("https://acme.eu.qlikcloud.com/api/v1/data-sources");
        }

        @Test
        void should_pair_names_and_values_in_order_and_ignore_a_name_without_a_value() {
            assertThat(ApiUris.query("a", 1, "b", 2, "c")).containsExactly(Map.entry("a", 1), Map.entry("b", 2));
            assertThat(ApiUris.query()).isEmpty();
            assertThat(ApiUris.query("a")).isEmpty();
        }
    }

    @Nested
    class NextPage {
        @Test
        void should_keep_the_path_from_the_resource_on_and_the_query_of_a_next_link() {
            URI next = uris.nextPage(" https://other.host/api/v1/spaces?limit=100&next=abc%3D ", "/spaces");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces?limit=100&next=abc%3D");
        }

        @Test
        void should_put_a_next_link_without_the_api_prefix_under_our_root() {
            URI next = uris.nextPage("https://acme.eu.qlikcloud.com/data-connections?page=2", "/data-connections");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/data-connections?page=2");
        }

        @Test
        void should_keep_the_resource_path_when_a_next_link_names_another_path() {
            URI next = uris.nextPage("/elsewhere?page=3", "/spaces");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces?page=3");
        }

        @Test
        void should_follow_a_next_link_that_has_no_query() {
            URI next = uris.nextPage("https://acme.eu.qlikcloud.com/api/v1/spaces/page/2", "/spaces");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces/page/2");
        }

        @Test
        void should_keep_a_relative_next_link_that_starts_with_the_resource_path() {
            URI next = uris.nextPage("/spaces/page/2?next=x", "/spaces");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces/page/2?next=x");
        }

        @Test
        void should_follow_a_next_link_that_is_only_a_query() {
            URI next = uris.nextPage("?page=4", "/spaces");

            assertThat(next).hasToString("https://acme.eu.qlikcloud.com/api/v1/spaces?page=4");
        }
    }
}

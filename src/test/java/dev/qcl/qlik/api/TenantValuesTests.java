package dev.qcl.qlik.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TenantValuesTests {
    @Nested
    class Scalars {
        @Test
        void should_treat_a_scalar_the_tenant_echoes_as_text_as_the_same_value() {
            assertThat(TenantValues.same(443L, "443")).isTrue();
            assertThat(TenantValues.same(true, "true")).isTrue();
            assertThat(TenantValues.same(false, "False")).isTrue();
            assertThat(TenantValues.same("eu-west-1", "eu-west-1")).isTrue();
        }

        @Test
        void should_compare_numbers_by_value_whatever_their_type_or_scale() {
            assertThat(TenantValues.same(new BigDecimal("1.50"), 1.5)).isTrue();
            assertThat(TenantValues.same(new BigDecimal("30"), 30.0)).isTrue();
            assertThat(TenantValues.same(30L, 30)).isTrue();
            assertThat(TenantValues.same(new BigDecimal("0.1"), "0.10")).isTrue();
        }

        @Test
        void should_see_a_change_when_the_value_differs_or_is_missing() {
            assertThat(TenantValues.same(5433L, 5432)).isFalse();
            assertThat(TenantValues.same(true, "yes")).isFalse();
            assertThat(TenantValues.same(true, false)).isFalse();
            assertThat(TenantValues.same("Host", "host")).isFalse();
            assertThat(TenantValues.same("x", null)).isFalse();
            assertThat(TenantValues.same(new BigDecimal("1.5"), "fast")).isFalse();
        }
    }

    @Nested
    class ArraysAndObjects {
        @Test
        void should_compare_nested_values_like_scalars_and_accept_json_text_from_the_tenant() {
            List<Object> wanted = List.of(Map.of("name", "page", "value", 1L), Map.of("name", "on", "value", true));

            assertThat(TenantValues.same(
                            wanted,
                            List.of(Map.of("name", "page", "value", "1"), Map.of("name", "on", "value", "true"))))
                    .isTrue();
            assertThat(TenantValues.same(wanted, "[{\"name\":\"page\",\"value\":1},{\"value\":true,\"name\":\"on\"}]"))
                    .isTrue();
            assertThat(TenantValues.same(Map.of("a", 1.0), Map.of("a", 1))).isTrue();
        }

        @Test
        void should_see_a_change_in_order_size_or_keys() {
            assertThat(TenantValues.same(List.of("a", "b"), List.of("b", "a"))).isFalse();
            assertThat(TenantValues.same(List.of("a"), List.of("a", "b"))).isFalse();
            assertThat(TenantValues.same(Map.of("a", 1), Map.of("a", 1, "b", 2)))
                    .isFalse();
            assertThat(TenantValues.same(List.of("a"), "not json")).isFalse();
        }

        @Test
        void should_see_a_change_in_a_value_under_the_same_keys() {
            assertThat(TenantValues.same(Map.of("a", 1, "b", 2), Map.of("a", 1, "b", 3)))
                    .isFalse();
        }

        @Test
        void should_compare_json_text_from_the_sheet_with_an_array_or_object_from_the_tenant() {
            assertThat(TenantValues.same("{\"a\":1}", Map.of("a", 1))).isTrue();
            assertThat(TenantValues.same("[1,2]", List.of(1, 2))).isTrue();
            assertThat(TenantValues.same("[1,2]", List.of(2, 1))).isFalse();
            assertThat(TenantValues.same("not json", Map.of("a", 1))).isFalse();
        }
    }
}

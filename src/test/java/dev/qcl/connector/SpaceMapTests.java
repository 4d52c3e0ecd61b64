package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceMapTests {
    @Test
    void should_replace_a_cell_equal_to_a_from_and_leave_others_as_they_are() {
        // given
        SpaceMap map = SpaceMap.parse(List.of("Finance=Finance Prod", " Sales = Sales EU "));

        // when / then
        assertThat(map.apply("Finance")).isEqualTo("Finance Prod");
        assertThat(map.apply(" Sales ")).isEqualTo("Sales EU");
        assertThat(map.apply("Finance Prod")).isEqualTo("Finance Prod");
        assertThat(map.apply("finance")).isEqualTo("finance");
        assertThat(map.apply("")).isEmpty();
    }

    @Test
    void should_not_chain_mappings_when_a_to_is_also_a_from() {
        SpaceMap map = SpaceMap.parse(List.of("A=B", "B=C"));

        assertThat(map.apply("A")).isEqualTo("B");
        assertThat(map.apply("B")).isEqualTo("C");
    }

    @Test
    void should_split_at_the_first_equals_sign_so_that_a_target_name_may_hold_one() {
        assertThat(SpaceMap.parse(List.of("Ops=Ops (a=b)")).apply("Ops")).isEqualTo("Ops (a=b)");
    }

    @Test
    void should_refuse_a_mapping_without_both_sides_or_a_from_mapped_twice_differently() {
        assertThatThrownBy(() -> SpaceMap.parse(List.of("Finance"))).hasMessageContaining("FROM=TO");
        assertThatThrownBy(() -> SpaceMap.parse(List.of("=Finance"))).hasMessageContaining("FROM=TO");
        assertThatThrownBy(() -> SpaceMap.parse(List.of("Finance= "))).hasMessageContaining("FROM=TO");
        assertThatThrownBy(() -> SpaceMap.parse(List.of("A=B", "A=C")))
                .hasMessage("--map-space maps 'A' twice: to 'B' and to 'C'");
        assertThat(SpaceMap.parse(List.of("A=B", "A=B")).replacements()).containsOnlyKeys("A");
    }
}

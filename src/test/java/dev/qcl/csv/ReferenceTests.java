package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReferenceTests {
    @Test
    void should_parse_env_reference_when_cell_is_whole_reference() {
        assertThat(Reference.parse(" ${env:DB_PASS} "))
                .contains(new Reference(Reference.Kind.ENV, "DB_PASS", "${env:DB_PASS}"));
    }

    @Test
    void should_not_parse_reference_when_cell_has_other_text() {
        assertThat(Reference.parse("pre ${env:DB_PASS}")).isEmpty();
    }
}

package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Names as qcl reads and compares them: NFC, without the Unicode spaces around them. */
class NamesTests {
    static final String CAFE_NFC = "Caf\u00e9-db";
    static final String CAFE_NFD = "Cafe\u0301-db";

    @Nested
    class Normalized {
        @Test
        void should_compose_letters_and_accents_written_apart() {
            assertThat(Names.normalized(CAFE_NFD)).isEqualTo(CAFE_NFC);
            assertThat(Normalizer.isNormalized(Names.normalized(CAFE_NFD), Normalizer.Form.NFC))
                    .isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {" ", "\u00a0", "\u2007", "\u202f", "\u3000", "\u2003", "\u200b", "\u2060", "\ufeff"})
        void should_trim_a_unicode_space_at_either_end_when_it_hides_there(String space) {
            assertThat(Names.normalized(space + "Finance" + space + space)).isEqualTo("Finance");
        }

        @Test
        void should_keep_what_lies_inside_a_name() {
            assertThat(Names.normalized(" Finance\u00a0EU ")).isEqualTo("Finance\u00a0EU");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\n", "\r\n", "\t", "\u0000"})
        void should_keep_a_control_character_at_the_end_so_that_the_row_is_invalid(String control) {
            assertThat(Names.normalized("pg-1" + control)).isEqualTo("pg-1" + control);
        }

        @Test
        void should_leave_empty_and_missing_names_as_they_are() {
            assertThat(Names.normalized("")).isEmpty();
            assertThat(Names.normalized(null)).isNull();
            assertThat(Names.normalized("\u00a0 \u3000")).isEmpty();
        }
    }

    @Nested
    class Lookalike {
        @Test
        void should_name_the_hidden_space_and_where_it_is() {
            assertThat(Names.lookalike("Finance\u00a0", "Finance"))
                    .contains("with a no-break space (U+00A0) at the end");
            assertThat(Names.lookalike("\u3000Finance", "Finance"))
                    .contains("with an ideographic space (U+3000) at the start");
        }

        @Test
        void should_say_that_the_letters_are_in_another_unicode_form() {
            assertThat(Names.lookalike(CAFE_NFD, CAFE_NFC))
                    .contains("in another Unicode form (letters and accents as separate characters, NFD)");
        }

        @Test
        void should_say_nothing_of_the_same_name_or_of_another_name() {
            assertThat(Names.lookalike("Finance", "Finance")).isEmpty();
            assertThat(Names.lookalike("Finance EU", "Finance")).isEmpty();
            assertThat(Names.lookalike("finance\u00a0", "Finance")).isEmpty();
        }
    }
}

package dev.qcl.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SafeTextTests {
    private static final String GRIN = "\uD83D\uDE00"; // one character, two UTF-16 chars

    @Nested
    class Truncating {
        @Test
        void should_keep_a_text_that_fits() {
            assertThat(SafeText.truncate("abc", 3)).isEqualTo("abc");
        }

        @Test
        void should_cut_to_the_limit_and_mark_the_cut() {
            String cut = SafeText.truncate("abcdefgh", 5);

            assertThat(cut).isEqualTo("abcd…").hasSize(5);
        }

        @Test
        void should_never_split_a_surrogate_pair() {
            // given a text whose cut would fall between the two halves of an emoji
            String text = "abc" + GRIN + "def";

            // when
            String cut = SafeText.truncate(text, 5);

            // then
            assertThat(cut).isEqualTo("abc…").hasSizeLessThanOrEqualTo(5);
            assertThat(cut.chars().noneMatch(c -> Character.isSurrogate((char) c)))
                    .isTrue();
        }
    }

    @Nested
    class Storing {
        @Test
        void should_replace_nul_and_unpaired_surrogates_which_a_database_refuses() {
            String stored = SafeText.storable("a\u0000b\uD800c" + GRIN + "\uDC00", 100);

            assertThat(stored).isEqualTo("a\uFFFDb\uFFFDc" + GRIN + "\uFFFD");
        }

        @Test
        void should_keep_line_breaks_in_stored_text_and_bound_its_length() {
            assertThat(SafeText.storable("a\nb", 100)).isEqualTo("a\nb");
            assertThat(SafeText.storable("x".repeat(5000), 4000)).hasSize(4000).endsWith("…");
        }
    }

    @Nested
    class Showing {
        @Test
        void should_quote_a_short_cell_whole() {
            assertThat(SafeText.shown("Finance")).isEqualTo("Finance");
        }

        @Test
        void should_quote_only_the_head_of_a_long_cell_and_say_how_long_it_is() {
            String shown = SafeText.shown("p".repeat(300_000));

            assertThat(shown)
                    .startsWith("ppp")
                    .endsWith("… (300000 characters)")
                    .hasSizeLessThan(100);
        }

        @Test
        void should_replace_control_characters_so_a_message_stays_on_one_line() {
            assertThat(SafeText.shown("a\nb\tc")).isEqualTo("a\uFFFDb\uFFFDc");
        }

        @Test
        void should_find_the_first_control_character() {
            assertThat(SafeText.firstControl("abc")).isEqualTo(-1);
            assertThat(SafeText.firstControl("ab\rc")).isEqualTo(2);
        }
    }
}

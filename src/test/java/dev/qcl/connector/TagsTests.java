package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The tags cell and Qlik's limits on tags. */
class TagsTests {
    private final List<Violation> violations = new ArrayList<>();

    private static String tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> "t" + i).collect(Collectors.joining(";"));
    }

    @Test
    void should_trim_tags_and_drop_empty_and_repeated_ones_in_order() {
        assertThat(Tags.parse(" b ; a;;b; ;c", violations)).containsExactly("b", "a", "c");
        assertThat(violations).isEmpty();
    }

    @Test
    void should_accept_exactly_thirty_one_tags() {
        assertThat(Tags.parse(tags(31), violations)).hasSize(31);
        assertThat(violations).isEmpty();
    }

    @Test
    void should_name_the_count_when_there_are_thirty_two_tags() {
        Tags.parse(tags(32), violations);

        assertThat(violations)
                .containsExactly(new Violation("tags", "column 'tags': 32 tags are too many; at most 31 are allowed"));
    }

    @Test
    void should_count_tags_after_dropping_repeated_ones() {
        Tags.parse(tags(31) + ";t0;t1", violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void should_accept_a_tag_of_exactly_256_bytes() {
        // given: 128 two-byte characters
        Tags.parse("\u00e9".repeat(128), violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void should_count_bytes_not_characters_and_show_the_start_of_a_long_tag() {
        // given: 129 two-byte characters are 258 bytes
        Tags.parse("ok;" + "\u00e9".repeat(129), violations);

        // then
        assertThat(violations)
                .containsExactly(new Violation(
                        "tags",
                        "column 'tags': the tag '" + "\u00e9".repeat(59)
                                + "\u2026 (129 characters)' has 258 bytes; at most 256 bytes (UTF-8) are allowed"));
    }

    @Test
    void should_name_each_tag_that_is_too_long() {
        Tags.parse("x".repeat(257) + ";short;" + "y".repeat(300), violations);

        assertThat(violations)
                .extracting(Violation::message)
                .containsExactly(
                        "column 'tags': the tag '" + "x".repeat(59)
                                + "\u2026 (257 characters)' has 257 bytes; at most 256 bytes (UTF-8) are allowed",
                        "column 'tags': the tag '" + "y".repeat(59)
                                + "\u2026 (300 characters)' has 300 bytes; at most 256 bytes (UTF-8) are allowed");
    }
}

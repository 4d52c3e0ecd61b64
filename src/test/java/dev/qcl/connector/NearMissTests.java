package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NearMissTests {
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "ap-south-1");

    @Test
    void should_suggest_the_same_name_in_another_case_first() {
        assertThat(NearMiss.suggest("sales", List.of("Wholesales", "Sales"))).contains("Sales");
    }

    @Test
    void should_suggest_a_name_up_to_two_edits_away() {
        assertThat(NearMiss.suggest("us-east1", REGIONS)).contains("us-east-1");
        assertThat(NearMiss.suggest("us-eastt-11", REGIONS)).contains("us-east-1");
    }

    @Test
    void should_not_suggest_a_name_three_edits_away() {
        assertThat(NearMiss.suggest("us-ea-", REGIONS)).isEmpty();
    }

    @Test
    void should_not_call_a_one_letter_input_near_anything() {
        assertThat(NearMiss.suggest("x", List.of("a", "ab"))).isEmpty();
    }

    @Test
    void should_suggest_nothing_for_an_input_longer_than_the_bound_even_when_it_differs_in_case_only() {
        String name = "n".repeat(NearMiss.MAX_INPUT_CHARS + 1);

        assertThat(NearMiss.suggest(name, List.of(name.toUpperCase()))).isEmpty();
        assertThat(NearMiss.suggest(name.substring(1), List.of(name.substring(1).toUpperCase())))
                .isPresent();
    }

    @Test
    void should_bound_the_work_for_a_pasted_paragraph_against_many_candidates() {
        // a million-character cell against 10,000 names: the length bound answers at once
        String paragraph = "lorem ipsum ".repeat(100_000);
        List<String> candidates =
                IntStream.range(0, 10_000).mapToObj(i -> "connector-" + i).toList();

        assertThat(NearMiss.suggest(paragraph, candidates)).isEmpty();
        assertThat(NearMiss.suggest("connector-12345", candidates)).contains("connector-1234");
    }
}

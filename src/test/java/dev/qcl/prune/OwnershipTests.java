package dev.qcl.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.run.Ownership;
import dev.qcl.settings.ConfigurationProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --own SET}, {@code --prune} and {@code --max-deletes}, and the refusal of a prune over the cap. */
class OwnershipTests {
    static ExistingConnection connection(String qName, String... tags) {
        return new ExistingConnection("c-" + qName, qName, "postgres", "space-1", List.of(tags), Map.of());
    }

    @Nested
    class Options {
        @ParameterizedTest
        @ValueSource(strings = {"nightly", "a", "Set_2.b-c", "x234567890123456789012345678901234567890"})
        void should_accept_a_set_name_of_letters_digits_dots_underscores_and_dashes_up_to_40(String set) {
            Ownership owned = new Ownership(set, true, 0);

            assertThat(owned.owns()).isTrue();
            assertThat(owned.tag()).isEqualTo("qcl:" + set);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "night ly", "qcl:nightly", "x2345678901234567890123456789012345678901"})
        void should_refuse_another_set_name_naming_it(String set) {
            assertThatThrownBy(() -> new Ownership(set, false, 20))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--own takes a set name")
                    .hasMessageEndingWith("not '" + set + "'");
        }

        @Test
        void should_refuse_a_prune_without_a_set() {
            assertThatThrownBy(() -> new Ownership(null, true, 20))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("--prune needs --own SET");
        }

        @Test
        void should_refuse_a_negative_cap_and_accept_zero() {
            assertThatThrownBy(() -> new Ownership("nightly", true, -1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--max-deletes must be 0 or more, not -1");
            assertThat(new Ownership("nightly", true, 0).maxDeletes()).isZero();
        }

        @Test
        void should_own_nothing_and_prune_nothing_by_default() {
            assertThat(Ownership.NONE.owns()).isFalse();
            assertThat(Ownership.NONE.prune()).isFalse();
            assertThat(Ownership.NONE.maxDeletes()).isEqualTo(Ownership.DEFAULT_MAX_DELETES);
        }
    }

    @Nested
    class Owned {
        @Test
        void should_own_a_connection_only_when_it_carries_the_sets_tag() {
            Ownership nightly = new Ownership("nightly", false, 20);

            assertThat(nightly.isOwned(connection("pg-1", "qcl:nightly", "finance")))
                    .isTrue();
            assertThat(nightly.isOwned(connection("pg-1", "qcl:weekly", "nightly")))
                    .isFalse();
        }

        @Test
        void should_own_no_connection_when_the_run_owns_no_set_even_one_tagged_with_null() {
            assertThat(Ownership.NONE.isOwned(connection("pg-1", "qcl:null"))).isFalse();
        }
    }

    @Nested
    class OverTheCap {
        final Ownership nightly = new Ownership("nightly", true, 2);

        @Test
        void should_name_the_count_the_set_the_cap_and_every_connection_when_five_or_fewer() {
            List<ExistingConnection> planned = IntStream.rangeClosed(1, 5)
                    .mapToObj(i -> connection("pg-" + i))
                    .toList();

            ConfigurationProblem problem = PrunePlanner.overCap(5, nightly, planned, "");

            assertThat(problem.getMessage())
                    .isEqualTo("--prune would delete 5 connections of set nightly (pg-1, pg-2, pg-3, pg-4, pg-5),"
                            + " more than --max-deletes 2; nothing was sent. Check the sheet (see qcl diff), or raise"
                            + " --max-deletes");
        }

        @Test
        void should_name_only_the_first_five_connections_when_more_are_planned() {
            List<ExistingConnection> planned = IntStream.rangeClosed(1, 6)
                    .mapToObj(i -> connection("pg-" + i))
                    .toList();

            ConfigurationProblem problem = PrunePlanner.overCap(6, nightly, planned, "");

            assertThat(problem.getMessage()).contains("(pg-1, pg-2, pg-3, pg-4, pg-5, ...)");
        }
    }
}

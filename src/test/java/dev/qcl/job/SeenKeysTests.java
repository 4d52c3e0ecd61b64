package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The keys a run has seen, for telling duplicate rows. */
class SeenKeysTests {
    private static final String SHA = "0".repeat(64);

    @Nested
    class DuplicateKeys {
        @Test
        void should_answer_the_first_row_of_a_repeated_name_and_space_and_zero_for_a_new_one() {
            SeenKeys keys = new SeenKeys();

            assertThat(keys.putIfAbsent("Sales", "s1", 2)).isZero();
            assertThat(keys.putIfAbsent("Sales", "s2", 3)).isZero();
            assertThat(keys.putIfAbsent("Sales", null, 4)).isZero();
            assertThat(keys.putIfAbsent("Sales", "s1", 5)).isEqualTo(2);
            assertThat(keys.putIfAbsent("Sales", "", 6))
                    .as("no space is the personal space")
                    .isEqualTo(4);
            assertThat(keys.putIfAbsent("Sales", "s1", 7))
                    .as("the first row stays")
                    .isEqualTo(2);
        }

        @Test
        void should_not_mistake_a_name_and_space_for_another_split_differently() {
            SeenKeys keys = new SeenKeys();
            keys.putIfAbsent("ab", "c", 2);

            assertThat(keys.putIfAbsent("a", "bc", 3)).isZero();
        }

        @Test
        void should_remember_every_row_of_a_sheet_far_larger_than_its_first_table() {
            // given: 5,000 keys, several times the initial 1,024 slots
            SeenKeys keys = new SeenKeys();
            for (int row = 2; row < 5_002; row++) {
                assertThat(keys.putIfAbsent("c" + row, "s", row)).isZero();
            }

            // then
            for (int row = 2; row < 5_002; row++) {
                assertThat(keys.putIfAbsent("c" + row, "s", row + 10_000)).isEqualTo(row);
            }
            assertThat(keys).hasToString("SeenKeys[size=5000, capacity=16384]");
        }

        @Test
        void should_grow_when_half_full() {
            SeenKeys keys = new SeenKeys();
            for (int row = 2; row < 514; row++) {
                keys.putIfAbsent("c" + row, null, row);
            }
            assertThat(keys).hasToString("SeenKeys[size=512, capacity=1024]");

            keys.putIfAbsent("one more", null, 600);

            assertThat(keys).hasToString("SeenKeys[size=513, capacity=2048]");
        }

        @Test
        void should_hash_the_utf8_bytes_of_name_and_space_to_a_stable_value_that_is_never_zero() {
            assertThat(SeenKeys.hash("Sales", "s1")).isEqualTo(SeenKeys.hash("Sales", "s1"));
            assertThat(SeenKeys.hash("Sales", null)).isEqualTo(SeenKeys.hash("Sales", ""));
            assertThat(SeenKeys.hash("Sales", "s1")).isNotEqualTo(SeenKeys.hash("Sales", "s2"));
            assertThat(SeenKeys.hash("Caf\u00e9", null)).isNotEqualTo(SeenKeys.hash("Cafe", null));
            assertThat(SeenKeys.hash("", null)).isNotZero();
        }

        @Test
        void should_hash_as_fnv_1a_then_the_murmur3_finaliser_when_given_known_keys() {
            // known answers of the documented hash, worked out apart from the code
            assertThat(SeenKeys.hash("Sales", "s1")).isEqualTo(3400383466082925360L);
            assertThat(SeenKeys.hash("", null)).isEqualTo(-5115162479779449349L);
            assertThat(SeenKeys.hash("Caf\u00e9", null)).isEqualTo(-2527357247155582328L);
        }
    }
}

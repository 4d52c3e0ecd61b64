package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.RowCheck;
import dev.qcl.connector.Violation;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.results.RowStatus;
import dev.qcl.rows.RowDecisions.Action;
import dev.qcl.rows.RowDecisions.Decision;
import dev.qcl.run.OnExisting;
import dev.qcl.run.Ownership;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The row decision table of contract section 5, with owned sets. */
class RowDecisionsTests {
    static final Ownership NIGHTLY = new Ownership("nightly", false, 20);
    static final ExistingConnection UNTAGGED = connection("DcaasAPI:postgres");
    static final ExistingConnection OWNED = connection("qcl:nightly", "DcaasAPI:postgres");

    static ExistingConnection connection(String... tags) {
        return new ExistingConnection("c-1", "pg-1", "postgres", "space-1", List.of(tags), Map.of());
    }

    @Nested
    class ForARow {
        @Test
        void should_record_an_invalid_row_with_its_violations() {
            RowCheck.Invalid invalid = new RowCheck.Invalid(
                    3,
                    "pg-1",
                    "postgres",
                    "Finance",
                    List.of(new Violation("port", "column 'port': 'x' is not an integer")));

            Decision decision = new RowDecisions(OnExisting.UPDATE, NIGHTLY).forInvalid(invalid);

            assertThat(decision.action()).isEqualTo(Action.INVALID);
            assertThat(decision.message()).isEqualTo("column 'port': 'x' is not an integer");
        }

        @ParameterizedTest
        @EnumSource(OnExisting.class)
        void should_create_a_row_whose_name_is_free_in_every_mode(OnExisting mode) {
            Decision decision = new RowDecisions(mode, NIGHTLY).forValid("pg-1", Optional.empty());

            assertThat(decision.action()).isEqualTo(Action.CREATE);
        }

        @Test
        void should_skip_an_existing_connection_in_skip_mode() {
            Decision decision =
                    new RowDecisions(OnExisting.SKIP, Ownership.NONE).forValid("pg-1", Optional.of(UNTAGGED));

            assertThat(decision)
                    .isEqualTo(new Decision(Action.SKIP, "c-1", "exists in the space (--on-existing skip)"));
        }

        @Test
        void should_skip_an_untagged_connection_as_not_owned_when_the_run_owns_a_set() {
            Decision decision = new RowDecisions(OnExisting.SKIP, NIGHTLY).forValid("pg-1", Optional.of(UNTAGGED));

            assertThat(decision.action()).isEqualTo(Action.SKIP);
            assertThat(decision.message()).startsWith("not owned by nightly (no tag qcl:nightly)");
        }

        @Test
        void should_skip_an_owned_connection_in_skip_mode_as_existing() {
            Decision decision = new RowDecisions(OnExisting.SKIP, NIGHTLY).forValid("pg-1", Optional.of(OWNED));

            assertThat(decision.message()).isEqualTo("exists in the space (--on-existing skip)");
        }

        @Test
        void should_fail_an_existing_connection_in_fail_mode() {
            Decision decision = new RowDecisions(OnExisting.FAIL, NIGHTLY).forValid("pg-1", Optional.of(OWNED));

            assertThat(decision.action()).isEqualTo(Action.FAIL);
            assertThat(decision.message()).contains("'pg-1' already exists");
        }

        @Test
        void should_compare_an_existing_connection_in_update_mode() {
            Decision decision = new RowDecisions(OnExisting.UPDATE, NIGHTLY).forValid("pg-1", Optional.of(UNTAGGED));

            assertThat(decision).isEqualTo(new Decision(Action.COMPARE, "c-1", ""));
        }
    }

    @Nested
    class AfterComparing {
        final RowDecisions update = new RowDecisions(OnExisting.UPDATE, NIGHTLY);

        @Test
        void should_skip_as_unchanged_when_nothing_differs() {
            assertThat(update.afterComparing("c-1", List.of(), false))
                    .isEqualTo(new Decision(Action.SKIP, "c-1", "unchanged"));
        }

        @Test
        void should_update_naming_the_changed_properties() {
            assertThat(update.afterComparing("c-1", List.of("host", "port"), false))
                    .isEqualTo(new Decision(Action.UPDATE, "c-1", "changed: host, port"));
        }

        @Test
        void should_update_to_adopt_a_connection_that_lacks_the_sets_tag() {
            assertThat(update.afterComparing("c-1", List.of(), true).message()).isEqualTo("adopted into qcl:nightly");
            assertThat(update.afterComparing("c-1", List.of("port"), true).message())
                    .isEqualTo("changed: port; adopted into qcl:nightly");
        }
    }

    @Nested
    class Statuses {
        @Test
        void should_record_the_outcome_in_a_run_and_the_plan_in_a_dry_run() {
            assertThat(List.of(Action.CREATE, Action.UPDATE, Action.SKIP, Action.FAIL, Action.INVALID))
                    .extracting(a -> a.status(false))
                    .containsExactly(
                            RowStatus.CREATED,
                            RowStatus.UPDATED,
                            RowStatus.SKIPPED,
                            RowStatus.FAILED,
                            RowStatus.INVALID);
            assertThat(List.of(Action.CREATE, Action.UPDATE, Action.SKIP, Action.FAIL, Action.INVALID))
                    .extracting(a -> a.status(true))
                    .containsExactly(
                            RowStatus.CREATE, RowStatus.UPDATE, RowStatus.SKIP, RowStatus.FAIL, RowStatus.INVALID);
        }
    }
}

package dev.qcl.run.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.qlik.api.ExistingConnection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whether the connection found now is what a plan was based on. */
class PlanTargetTests {
    static Optional<ExistingConnection> now(String id, String updated) {
        return Optional.of(new ExistingConnection(id, "pg-1", "postgres", "s1", List.of(), Map.of(), updated));
    }

    @Test
    void should_see_no_change_in_the_same_connection_at_the_same_instant_however_written() {
        PlanTarget planned = new PlanTarget("c-1", "2026-12-01T10:00:00.100Z");

        assertThat(PlanTarget.change(planned, now("c-1", "2026-12-01T10:00:00.100Z")))
                .isEmpty();
        assertThat(PlanTarget.change(planned, now("c-1", "2026-12-01T10:00:00.1Z")))
                .isEmpty();
        assertThat(PlanTarget.change(null, Optional.empty())).isEmpty();
        assertThat(PlanTarget.change(new PlanTarget("c-1", null), now("c-1", null)))
                .isEmpty();
    }

    @Test
    void should_name_a_connection_that_appeared_went_away_was_replaced_or_changed() {
        PlanTarget planned = new PlanTarget("c-1", "2026-12-01T10:00:00.100Z");

        assertThat(PlanTarget.change(null, now("c-2", null))).contains("connection c-2 appeared in the space");
        assertThat(PlanTarget.change(planned, Optional.empty())).contains("connection c-1 went away");
        assertThat(PlanTarget.change(planned, now("c-2", "2026-12-01T10:00:00.100Z")))
                .contains("connection c-1 went away and c-2 has its name now");
        assertThat(PlanTarget.change(planned, now("c-1", "2026-12-01T10:00:00.101Z")))
                .contains("connection c-1 was changed (updated 2026-12-01T10:00:00.101Z, the plan has"
                        + " 2026-12-01T10:00:00.100Z)");
        assertThat(PlanTarget.change(planned, now("c-1", null))).isPresent();
        assertThat(PlanTarget.change(new PlanTarget("c-1", null), now("c-1", "2026-12-01T10:00:00Z")))
                .isPresent();
    }

    @Test
    void should_compare_times_the_tenant_wrote_oddly_as_text() {
        assertThat(PlanTarget.sameTime("yesterday", "yesterday")).isTrue();
        assertThat(PlanTarget.sameTime("yesterday", "today")).isFalse();
    }
}

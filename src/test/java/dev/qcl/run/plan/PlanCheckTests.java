package dev.qcl.run.plan;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.settings.ConfigurationProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What refuses a plan before a run applies it, with a clock that the test sets. */
class PlanCheckTests {
    static final Instant MADE = Instant.parse(PlanFixtures.CREATED);
    static final PlanFiles.Loaded LOADED =
            new PlanFiles.Loaded(Path.of("/plans/p.json"), "f".repeat(64), PlanFixtures.plan());

    static PlanCheck at(Instant now) {
        return new PlanCheck(Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
    }

    static void check(PlanCheck check, String sha, SavedPlan.Options options, String tenant, int maxDeletes) {
        check.check(LOADED, sha, options, tenant, maxDeletes);
    }

    @Nested
    class Fitting {
        @Test
        void should_accept_the_same_input_options_and_tenant_up_to_the_maximum_age() {
            assertThatCode(() -> check(
                            at(MADE.plus(Duration.ofHours(24))),
                            PlanFixtures.SHA,
                            PlanFixtures.options("UPDATE"),
                            PlanFixtures.TENANT,
                            20))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class Refused {
        @Test
        void should_refuse_a_plan_a_millisecond_older_than_the_maximum_age() {
            assertThatThrownBy(() -> check(
                            at(MADE.plus(Duration.ofHours(24)).plusMillis(1)),
                            PlanFixtures.SHA,
                            PlanFixtures.options("update"),
                            PlanFixtures.TENANT,
                            20))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessage(
                            "the plan /plans/p.json was made at 2026-12-01T10:00:00Z, 24 h ago, longer ago than"
                                    + " qcl.plan.max-age (24 h); nothing was sent. Make a new plan, and have it approved again");
        }

        @Test
        void should_refuse_other_input_bytes() {
            assertThatThrownBy(() ->
                            check(at(MADE), "b".repeat(64), PlanFixtures.options("update"), PlanFixtures.TENANT, 20))
                    .isInstanceOf(ConfigurationProblem.class)
                    .hasMessageStartingWith("the input's bytes differ from those the plan /plans/p.json was made from");
        }

        @Test
        void should_refuse_other_options_naming_both() {
            SavedPlan.Options unmapped = new SavedPlan.Options("update", "finance", true, Map.of(), null);
            SavedPlan.Options unpruned =
                    new SavedPlan.Options("update", "finance", false, Map.of("Finance", "Finance Prod"), null);

            assertThatThrownBy(() ->
                            check(at(MADE), PlanFixtures.SHA, PlanFixtures.options("skip"), PlanFixtures.TENANT, 20))
                    .hasMessageContaining("the plan /plans/p.json was made with --on-existing update --own finance"
                            + " --prune --map-space 'Finance=Finance Prod', this run has --on-existing skip");
            assertThatThrownBy(() -> check(at(MADE), PlanFixtures.SHA, unmapped, PlanFixtures.TENANT, 20))
                    .hasMessageContaining("the options differ");
            assertThatThrownBy(() -> check(at(MADE), PlanFixtures.SHA, unpruned, PlanFixtures.TENANT, 20))
                    .hasMessageContaining("the options differ");
        }

        @Test
        void should_refuse_another_tenant() {
            assertThatThrownBy(() -> check(
                            at(MADE),
                            PlanFixtures.SHA,
                            PlanFixtures.options("update"),
                            "https://other.qlikcloud.com",
                            20))
                    .hasMessageContaining("was made for the tenant https://acme.eu.qlikcloud.com, this run is for"
                            + " https://other.qlikcloud.com");
        }

        @Test
        void should_refuse_more_deletions_than_this_runs_cap() {
            assertThatThrownBy(() ->
                            check(at(MADE), PlanFixtures.SHA, PlanFixtures.options("update"), PlanFixtures.TENANT, 0))
                    .hasMessageContaining("deletes 1 connections, more than --max-deletes 0");
        }
    }

    @Test
    void should_say_durations_as_people_do() {
        org.assertj.core.api.Assertions.assertThat(PlanCheck.text(Duration.ofMillis(350)))
                .isEqualTo("350 ms");
        org.assertj.core.api.Assertions.assertThat(PlanCheck.text(Duration.ofSeconds(250)))
                .isEqualTo("4 min 10 s");
        org.assertj.core.api.Assertions.assertThat(PlanCheck.text(Duration.ofMinutes(25 * 60 + 3)))
                .isEqualTo("25 h 3 min");
        org.assertj.core.api.Assertions.assertThat(PlanCheck.text(Duration.ofSeconds(7)))
                .isEqualTo("7 s");
    }
}

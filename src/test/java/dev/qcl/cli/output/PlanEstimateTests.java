package dev.qcl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.qlik.BudgetView;
import dev.qcl.qlik.HttpStats;
import dev.qcl.run.ProgressFixtures;
import dev.qcl.run.RunProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The plan's estimate and the progress line speak the window model. */
class PlanEstimateTests {
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void should_estimate_seconds_for_writes_that_fit_a_fresh_window() {
        assertThat(Durations.estimate(300, 100, FIVE_MINUTES))
                .isEqualTo("seconds on a fresh window (it takes 500 at once)");
    }

    @Test
    void should_estimate_a_window_length_for_each_further_window_full() {
        assertThat(Durations.estimate(1000, 100, FIVE_MINUTES)).startsWith("~5 min 0 s");
        assertThat(Durations.estimate(1001, 100, FIVE_MINUTES)).startsWith("~10 min 0 s");
        assertThat(Durations.estimate(200, 100, Duration.ofSeconds(30))).startsWith("~1 min 30 s");
    }

    @Test
    void should_show_the_writes_left_in_the_window_and_a_learned_limit() {
        BudgetView fresh = new BudgetView(500, FIVE_MINUTES, 120, Duration.ZERO, 0, Duration.ZERO);
        BudgetView learned = new BudgetView(500, FIVE_MINUTES, 12, Duration.ZERO, 50, Duration.ofSeconds(30));

        assertThat(ProgressPrinter.windowText(fresh)).isEqualTo("window: 120 of 500 writes left");
        assertThat(ProgressPrinter.windowText(learned))
                .isEqualTo("window: 12 of 500 writes left (learned: 50 per 30.0 s)");
    }

    @Test
    void should_leave_out_a_window_nothing_was_written_from_when_validating() {
        // given: a validate half way, its write window untouched
        BudgetView untouched = new BudgetView(500, FIVE_MINUTES, 500, Duration.ZERO, 0, Duration.ZERO);
        BudgetView used = new BudgetView(500, FIVE_MINUTES, 499, Duration.ZERO, 0, Duration.ZERO);

        // when / then
        assertThat(lineOf(ProgressFixtures.of(10, 5), untouched))
                .startsWith("5/10 rows")
                .doesNotContain("window");
        assertThat(lineOf(ProgressFixtures.of(10, 5), used)).contains("window: 499 of 500 writes left");
    }

    private static String lineOf(RunProgress progress, BudgetView budget) {
        try (ProgressPrinter printer = new ProgressPrinter(
                progress,
                new HttpStats(),
                () -> budget,
                new PrintWriter(new StringWriter()),
                false,
                Duration.ofDays(1))) {
            return printer.line();
        }
    }
}

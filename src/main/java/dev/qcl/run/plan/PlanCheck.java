package dev.qcl.run.plan;

import dev.qcl.settings.ConfigurationProblem;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Refuses a plan that no longer fits the run that would apply it (contract section 13): another input,
 * other options, another tenant, or a plan older than {@code qcl.plan.max-age}. Each refusal is one line
 * that says how to go on; it comes before anything is sent.
 */
public final class PlanCheck {
    private final Duration maxAge;
    private final Clock clock;

    public PlanCheck(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /**
     * @param inputSha256 the SHA-256 of the input the run was given
     * @param options the run's own options
     * @param tenant the tenant the run talks to
     * @param maxDeletes the run's {@code --max-deletes}
     * @throws ConfigurationProblem for the first difference found
     */
    public void check(
            PlanFiles.Loaded loaded, String inputSha256, SavedPlan.Options options, String tenant, int maxDeletes) {
        SavedPlan plan = loaded.plan();
        Path file = loaded.file();
        if (!plan.input().sha256().equals(inputSha256)) {
            throw new ConfigurationProblem("the input's bytes differ from those the plan " + file + " was made from ("
                    + plan.input().file() + ", SHA-256 " + plan.input().sha256() + "; this input " + inputSha256
                    + "); nothing was sent. Apply the plan to the same file, or make a new plan");
        }
        if (!plan.options().decideAlike(options)) {
            throw new ConfigurationProblem("the options differ from the plan's: the plan " + file + " was made with "
                    + plan.options().describe() + ", this run has " + options.describe()
                    + "; nothing was sent. Give the plan's options, or make a new plan");
        }
        if (!plan.tenant().equals(tenant)) {
            throw new ConfigurationProblem("the plan " + file + " was made for the tenant " + plan.tenant()
                    + ", this run is for " + tenant + "; nothing was sent. Make a plan against this tenant");
        }
        checkAge(file, plan.created());
        if (plan.deletions().size() > maxDeletes) {
            throw new ConfigurationProblem(
                    "the plan " + file + " deletes " + plan.deletions().size()
                            + " connections, more than --max-deletes " + maxDeletes + "; nothing was sent");
        }
    }

    /** Refuses a plan made longer than {@code qcl.plan.max-age} ago. */
    public void checkAge(Path file, Instant created) {
        Duration age = Duration.between(created, clock.instant());
        if (age.compareTo(maxAge) > 0) {
            throw new ConfigurationProblem("the plan " + file + " was made at " + created + ", " + text(age)
                    + " ago, longer ago than qcl.plan.max-age (" + text(maxAge) + "); nothing was sent."
                    + " Make a new plan, and have it approved again");
        }
    }

    /** A duration as people say it: {@code 25 h 3 min}, {@code 4 min 10 s}, {@code 350 ms}. */
    static String text(Duration duration) {
        if (duration.compareTo(Duration.ofSeconds(1)) < 0) {
            return duration.toMillis() + " ms";
        }
        long hours = duration.toHours();
        int minutes = duration.toMinutesPart();
        int seconds = duration.toSecondsPart();
        if (hours > 0) {
            return hours + " h" + (minutes > 0 ? " " + minutes + " min" : "");
        }
        if (minutes > 0) {
            return minutes + " min" + (seconds > 0 ? " " + seconds + " s" : "");
        }
        return seconds + " s";
    }
}

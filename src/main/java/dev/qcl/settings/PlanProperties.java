package dev.qcl.settings;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Saved plans ({@code qcl.plan.*}): how long a plan made by {@code validate --save-plan} or
 * {@code diff --save-plan} may be applied with {@code run --plan}.
 *
 * @param maxAge a plan older than this is refused: what it was approved on may no longer hold
 */
@ConfigurationProperties("qcl.plan")
public record PlanProperties(Duration maxAge) {
    public PlanProperties {
        maxAge = maxAge == null ? Duration.ofHours(24) : maxAge;
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new ConfigurationProblem("qcl.plan.max-age must be positive, got " + maxAge);
        }
    }
}

package dev.qcl.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How {@code --prune} deletes ({@code qcl.prune.*}).
 *
 * @param batchSize connections per bulk delete request, and per recorded batch of deletions
 */
@ConfigurationProperties("qcl.prune")
public record PruneProperties(int batchSize) {
    public PruneProperties {
        if (batchSize < 1) {
            throw new ConfigurationProblem("qcl.prune.batch-size must be at least 1, got " + batchSize);
        }
    }
}

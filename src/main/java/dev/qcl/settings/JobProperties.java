package dev.qcl.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the load job runs ({@code qcl.job.*}).
 *
 * @param chunkSize rows per transaction of results when writing to the tenant
 * @param dryRunChunkSize rows per transaction when validating: nothing is sent, so a larger chunk
 *     costs nothing on a restart and saves a commit per few rows
 */
@ConfigurationProperties("qcl.job")
public record JobProperties(int chunkSize, int dryRunChunkSize) {
    public JobProperties {
        if (chunkSize < 1) {
            throw new ConfigurationProblem("qcl.job.chunk-size must be at least 1, got " + chunkSize);
        }
        if (dryRunChunkSize < 1) {
            throw new ConfigurationProblem("qcl.job.dry-run-chunk-size must be at least 1, got " + dryRunChunkSize);
        }
    }

    /** Rows per chunk for a run that validates only ({@code dryRun}) or writes to the tenant. */
    public int chunkSizeFor(boolean dryRun) {
        return dryRun ? dryRunChunkSize : chunkSize;
    }
}

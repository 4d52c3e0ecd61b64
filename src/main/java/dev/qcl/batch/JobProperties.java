package dev.qcl.batch;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the load job runs ({@code qcl.job.*}).
 *
 * @param chunkSize rows per transaction of results
 */
@ConfigurationProperties("qcl.job")
public record JobProperties(int chunkSize) {
    public JobProperties {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("qcl.job.chunk-size must be at least 1, got " + chunkSize);
        }
    }
}

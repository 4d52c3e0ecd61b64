package dev.qcl.connector;

import java.time.Instant;
import java.util.List;

/**
 * The tenant's data sources ({@code GET /data-sources}).
 *
 * @param lastUpdated when the tenant last changed its data sources (connector upgrades), or null when not told
 */
public record DataSourceList(List<String> dataSourceIds, Instant lastUpdated) {
    public DataSourceList {
        dataSourceIds = List.copyOf(dataSourceIds);
    }
}

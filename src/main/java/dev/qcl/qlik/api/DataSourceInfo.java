package dev.qcl.qlik.api;

import java.util.Objects;

/** One data source (connector) the tenant offers. */
public record DataSourceInfo(String dataSourceId, String dataSourceName, String provider, String providerName) {
    public DataSourceInfo {
        Objects.requireNonNull(dataSourceId, "dataSourceId");
    }
}

package dev.qcl.qlik.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The tenant's data source list; {@code lastUpdated} is null when the tenant sent none. */
public record DataSources(List<DataSourceInfo> dataSources, Instant lastUpdated) {
    public DataSources {
        dataSources = List.copyOf(Objects.requireNonNull(dataSources, "dataSources"));
    }
}

package dev.qcl.connector;

import java.util.Optional;

/**
 * Where data sources and api-specs come from: the tenant's API, or a fake in tests. A read the tenant
 * refuses is thrown as {@link TenantReadException}, so that only the rows that need it fail.
 */
public interface SpecSource {
    /** The tenant's data sources; called at most once per {@link SpecCache}. */
    DataSourceList dataSources();

    /** The raw api-specs JSON of a data source, empty when the tenant answers 404 (unknown or disabled). */
    Optional<String> apiSpecJson(String dataSourceId);
}

package dev.qcl.settings;

import dev.qcl.connector.DataSourceList;
import dev.qcl.connector.SpecSource;
import dev.qcl.connector.TenantReadException;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.DataSourceInfo;
import dev.qcl.qlik.api.DataSources;
import dev.qcl.qlik.failure.RejectedException;
import java.util.Optional;

/** The tenant as the source of data sources and api-specs; a refused read becomes the rows' failure, not the run's. */
final class QlikSpecSource implements SpecSource {
    private final QlikClient client;

    QlikSpecSource(QlikClient client) {
        this.client = client;
    }

    @Override
    public DataSourceList dataSources() {
        try {
            DataSources sources = client.dataSources();
            return new DataSourceList(
                    sources.dataSources().stream()
                            .map(DataSourceInfo::dataSourceId)
                            .toList(),
                    sources.lastUpdated());
        } catch (RejectedException e) {
            throw new TenantReadException(e.getMessage(), e.httpStatus(), e.attempts());
        }
    }

    @Override
    public Optional<String> apiSpecJson(String dataSourceId) {
        try {
            return client.apiSpecJson(dataSourceId);
        } catch (RejectedException e) {
            throw new TenantReadException(e.getMessage(), e.httpStatus(), e.attempts());
        }
    }
}

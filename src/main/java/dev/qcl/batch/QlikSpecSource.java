package dev.qcl.batch;

import dev.qcl.qlik.DataSources;
import dev.qcl.qlik.DataSourceInfo;
import dev.qcl.qlik.QlikClient;
import dev.qcl.spec.DataSourceList;
import dev.qcl.spec.SpecSource;
import java.util.Optional;

/** The tenant as the source of data sources and api-specs. */
final class QlikSpecSource implements SpecSource {
    private final QlikClient client;

    QlikSpecSource(QlikClient client) {
        this.client = client;
    }

    @Override
    public DataSourceList dataSources() {
        DataSources sources = client.dataSources();
        return new DataSourceList(
                sources.dataSources().stream().map(DataSourceInfo::dataSourceId).toList(), sources.lastUpdated());
    }

    @Override
    public Optional<String> apiSpecJson(String dataSourceId) {
        return client.apiSpecJson(dataSourceId);
    }
}

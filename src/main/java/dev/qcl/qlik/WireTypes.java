package dev.qcl.qlik;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.qcl.qlik.api.ExistingConnection;
import java.util.List;
import java.util.Map;

/** JSON shapes as the tenant sends them; mapped to the public records by the client. */
final class WireTypes {
    private WireTypes() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataSourcesJson(List<DataSourceJson> dataSources, String lastUpdated) {}

    /** The tutorial shows {@code dataSourceName}; the published schema only {@code name}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataSourceJson(
            String dataSourceId, String dataSourceName, String name, String provider, String providerName) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpacePage(List<SpaceJson> data, LinksJson links) {}

    /** A space as listed; one without an ID is left out of the listing, not a failed listing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpaceJson(String id, String name, String type) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectionPage(List<ConnectionJson> data, LinksJson links) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinksJson(LinkJson next) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LinkJson(String href) {}

    /** {@code qID} and {@code id} both carry the connection ID; {@code updated} is when it last changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectionJson(
            @JsonProperty("qID") String qId,
            @JsonProperty("id") String id,
            @JsonProperty("qName") String qName,
            @JsonProperty("datasourceID") String datasourceId,
            @JsonProperty("space") String space,
            @JsonProperty("tags") List<String> tags,
            @JsonProperty("connectionProperties") Map<String, Object> connectionProperties,
            @JsonProperty("updated") String updated) {

        String connectionId() {
            return qId != null && !qId.isBlank() ? qId : id;
        }

        ExistingConnection toExisting() {
            return new ExistingConnection(
                    connectionId(), qName, datasourceId, space, tags, connectionProperties, updated);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorsJson(List<ErrorJson> errors) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorJson(String code, String title, String detail) {}
}

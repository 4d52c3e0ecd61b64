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

    /** One page of a listing: its items and the link to the next page, if any. */
    interface PageJson<T extends PageJson.Item> {
        List<T> data();

        LinksJson links();

        /** An item of a page, by the ID that tells it from the others (null when it has none). */
        interface Item {
            String itemId();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpacePage(List<SpaceJson> data, LinksJson links) implements PageJson<SpaceJson> {}

    /** A space as listed; one without an ID is left out of the listing, not a failed listing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SpaceJson(String id, String name, String type) implements PageJson.Item {
        @Override
        public String itemId() {
            return id;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConnectionPage(List<ConnectionJson> data, LinksJson links) implements PageJson<ConnectionJson> {}

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
            @JsonProperty("updated") String updated)
            implements PageJson.Item {

        String connectionId() {
            return qId != null && !qId.isBlank() ? qId : id;
        }

        @Override
        public String itemId() {
            return connectionId();
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

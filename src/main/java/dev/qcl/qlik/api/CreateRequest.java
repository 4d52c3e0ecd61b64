package dev.qcl.qlik.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection to create. {@code spaceId} null means the API key owner's personal space;
 * {@code secretTexts} are the secret values among the properties, masked wherever text is logged
 * or thrown. {@link #toString()} shows property names only.
 */
public record CreateRequest(
        String dataSourceId,
        String qName,
        String spaceId,
        Map<String, Object> connectionProperties,
        List<String> tags,
        Collection<String> secretTexts) {

    /**
     * The key of the data source in the POST body, in one place. Qlik's tutorial "Create data connections"
     * sends {@code dataSourceId} (so did the older data-connectivity API); the published OpenAPI of
     * {@code POST /v1/data-connections} ({@code DcaasConnectionCreate}) requires {@code datasourceID} and
     * does not say that the other spelling is read as well. qcl sends what the tutorial sends, which
     * tenants create connections from; see the README, "What a create sends".
     */
    public static final String DATA_SOURCE_ID_FIELD = "dataSourceId";

    public CreateRequest {
        requireText(dataSourceId, "dataSourceId");
        requireText(qName, "qName");
        spaceId = spaceId == null || spaceId.isBlank() ? null : spaceId;
        connectionProperties = connectionProperties == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(connectionProperties));
        tags = tags == null ? List.of() : List.copyOf(tags);
        secretTexts = secretTexts == null ? List.of() : List.copyOf(secretTexts);
    }

    /**
     * The POST body, in the order of the tutorial; {@code space} is left out for the personal space and
     * {@code tags} when there are none, as in Qlik's published create examples.
     */
    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(DATA_SOURCE_ID_FIELD, dataSourceId);
        body.put("qName", qName);
        if (spaceId != null) {
            body.put("space", spaceId);
        }
        body.put("connectionProperties", connectionProperties);
        if (!tags.isEmpty()) {
            body.put("tags", tags);
        }
        return body;
    }

    @Override
    public String toString() {
        return "CreateRequest[dataSourceId=" + dataSourceId + ", qName=" + qName + ", spaceId=" + spaceId
                + ", connectionProperties=" + connectionProperties.keySet() + " (values masked), tags=" + tags + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}

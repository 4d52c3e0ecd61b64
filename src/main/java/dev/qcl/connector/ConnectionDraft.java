package dev.qcl.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A valid row, ready to become a connection.
 *
 * @param spaceId the target space's ID, or null for the API key owner's personal space
 * @param properties the connection properties set on the row, in column order
 */
public record ConnectionDraft(
        int row,
        String qName,
        String dataSourceId,
        String spaceId,
        List<String> tags,
        Map<String, PropertyValue> properties) {
    public ConnectionDraft {
        if (qName == null || qName.isBlank() || dataSourceId == null || dataSourceId.isBlank()) {
            throw new IllegalArgumentException("a draft needs a qName and a data source ID");
        }
        tags = List.copyOf(tags);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(properties)));
    }

    /** Secret values are masked. */
    @Override
    public String toString() {
        String props = properties.entrySet().stream()
                .map(p -> p.getKey() + "=" + shown(p.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        return "ConnectionDraft[row=" + row + ", qName=" + qName + ", dataSourceId=" + dataSourceId + ", spaceId="
                + spaceId + ", tags=" + tags + ", properties=" + props + "]";
    }

    private static String shown(PropertyValue value) {
        if (value instanceof PropertyValue.Deferred deferred) {
            return deferred.reference().text();
        }
        PropertyValue.Literal literal = (PropertyValue.Literal) value;
        return literal.secret() ? "****" : String.valueOf(literal.value());
    }
}

package dev.qcl.export;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection as read for export: its parsed non-secret properties and its own tags (without the
 * tenant's {@code DcaasAPI:} and qcl's {@code qcl:} tags).
 *
 * @param spaceId null in the personal space
 * @param spaceName empty in the personal space
 */
record ExportedConnection(
        String id,
        String qName,
        String dataSourceId,
        String spaceId,
        String spaceName,
        List<String> tags,
        Map<String, Object> properties) {

    static final List<String> LEFT_OUT_TAG_PREFIXES = List.of("DcaasAPI:", "qcl:");

    ExportedConnection {
        tags = tags.stream()
                .filter(tag -> LEFT_OUT_TAG_PREFIXES.stream().noneMatch(tag::startsWith))
                .toList();
        // the tenant's JSON may hold null values, which Map.copyOf rejects
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    @Override
    public String toString() {
        return "ExportedConnection[id=" + id + ", qName=" + qName + ", dataSourceId=" + dataSourceId + ", spaceId="
                + spaceId + ", properties=" + properties.keySet() + "]";
    }
}

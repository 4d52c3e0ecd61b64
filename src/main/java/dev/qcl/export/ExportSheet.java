package dev.qcl.export;

import dev.qcl.connector.ApiSpec;
import dev.qcl.connector.PropertySpec;
import dev.qcl.connector.PropertyType;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.Names;
import dev.qcl.csv.Reference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exported connections as input-CSV records (contract section 9): {@code qName, dataSourceId,
 * spaceName, tags}, the union of the connectors' properties in spec order, {@code # id} and
 * {@code # space id}. Secret cells stay empty, or hold a placeholder reference.
 */
final class ExportSheet {
    static final String ID_COLUMN = "# id";
    static final String SPACE_ID_COLUMN = "# space id";
    private static final Logger log = LoggerFactory.getLogger(ExportSheet.class);

    private final Map<String, ApiSpec> specs;
    private final SecretPlaceholders placeholders;
    private final List<String> properties;

    /**
     * @param specs the api-specs of every exported connection's connector, in order of first use
     * @param placeholders where secret references are named, or null to leave secret cells empty
     */
    ExportSheet(Map<String, ApiSpec> specs, SecretPlaceholders placeholders) {
        this.specs = specs;
        this.placeholders = placeholders;
        Set<String> union = new LinkedHashSet<>();
        specs.values().forEach(spec -> union.addAll(spec.properties().keySet()));
        this.properties = List.copyOf(union);
    }

    List<String> header() {
        List<String> header = new ArrayList<>(
                List.of(CsvHeader.Q_NAME, CsvHeader.DATA_SOURCE_ID, CsvHeader.SPACE_NAME, CsvHeader.TAGS));
        header.addAll(properties);
        header.add(ID_COLUMN);
        header.add(SPACE_ID_COLUMN);
        return header;
    }

    List<String> record(ExportedConnection connection) {
        ApiSpec spec = specs.get(connection.dataSourceId());
        // names as run reads them back: a look-alike of another form or with hidden spaces is written as that name
        List<String> cells = new ArrayList<>(List.of(
                Names.normalized(connection.qName()),
                connection.dataSourceId(),
                Names.normalized(connection.spaceName()),
                tags(connection)));
        for (String property : properties) {
            cells.add(spec.property(property).map(p -> cell(connection, p)).orElse(""));
        }
        connection.properties().keySet().stream()
                .filter(name -> spec.property(name).isEmpty())
                .forEach(name -> log.info(
                        "Export: '{}' has the property {}, which the api-specs of {} do not know;"
                                + " left out (run would refuse it)",
                        connection.qName(),
                        name,
                        connection.dataSourceId()));
        cells.add(connection.id());
        cells.add(connection.spaceId() == null ? "" : connection.spaceId());
        return cells;
    }

    private String cell(ExportedConnection connection, PropertySpec property) {
        if (property.secret()) {
            return secret(connection, property);
        }
        String text = CellText.of(connection.properties().get(property.name()), property.type());
        if (Reference.parse(text).isPresent()) {
            log.warn(
                    "Export: the value of {} of '{}' reads as a reference ({}); run will resolve it as one",
                    property.name(),
                    connection.qName(),
                    text);
        }
        return text;
    }

    private String secret(ExportedConnection connection, PropertySpec property) {
        if (placeholders == null) {
            return "";
        }
        if (property.type() == PropertyType.STRING) {
            return placeholders.reference(connection, property.name());
        }
        placeholders.byHand(connection, property.name(), property.type().specName());
        return "";
    }

    private static String tags(ExportedConnection connection) {
        for (String tag : connection.tags()) {
            if (tag.contains(";")) {
                log.warn(
                        "Export: the tag '{}' of '{}' holds ';', which the tags cell splits on",
                        tag,
                        connection.qName());
            }
        }
        return String.join(
                ";", connection.tags().stream().map(Names::normalized).toList());
    }
}

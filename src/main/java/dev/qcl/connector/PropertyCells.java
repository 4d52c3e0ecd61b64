package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.Reference;
import dev.qcl.csv.ReferenceResolver;
import dev.qcl.csv.ReferenceResolver.UnresolvedReferenceException;
import dev.qcl.csv.SafeText;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks a row's property cells against its connector's spec and converts them. Never quotes a secret. */
final class PropertyCells {
    private static final int SHOWN_PROPERTY_LIST = 500;
    private final CsvHeader header;
    private final ReferenceResolver references;
    private final SecretPolicy secrets;
    private final ValueConverter converter;
    // what depends on the column only is decided once, not for every cell of every row
    private final boolean[] propertyColumn;
    private final boolean[] secretByName;

    PropertyCells(CsvHeader header, ReferenceResolver references, SecretPolicy secrets, ValueConverter converter) {
        this.header = header;
        this.references = references;
        this.secrets = secrets;
        this.converter = converter;
        List<String> columns = header.columns();
        this.propertyColumn = new boolean[columns.size()];
        this.secretByName = new boolean[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            propertyColumn[i] = CsvHeader.isProperty(columns.get(i));
            secretByName[i] = propertyColumn[i] && secrets.isSecret(columns.get(i), false);
        }
    }

    /** The properties the row sets, in column order; broken ones are left out and added to {@code violations}. */
    Map<String, PropertyValue> check(InputRow row, ApiSpec spec, List<Violation> violations) {
        Map<String, PropertyValue> values = new LinkedHashMap<>();
        List<String> columns = header.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (!propertyColumn[i]) {
                continue;
            }
            String column = columns.get(i);
            String cell = row.cell(i);
            if (cell.isBlank()) {
                continue;
            }
            Optional<PropertySpec> property = spec.property(column);
            if (property.isEmpty()) {
                violations.add(unknown(column, spec));
                continue;
            }
            PropertyValue value = value(column, cell, property.get(), secretByName[i], violations);
            if (value != null) {
                values.put(column, value);
            }
        }
        checkRequired(row, spec, violations);
        return values;
    }

    private PropertyValue value(
            String column, String cell, PropertySpec property, boolean secretName, List<Violation> violations) {
        Optional<Reference> reference = Reference.parse(cell);
        if (reference.isPresent()) {
            return deferred(column, reference.get(), property, violations);
        }
        if (!CellLimits.fitsProperty(column, cell, violations)) {
            return null;
        }
        boolean secret = property.secret() || secretName;
        Conversion conversion = converter.convert(cell, property, secret);
        if (!conversion.succeeded()) {
            violations.add(new Violation(column, "column '" + SafeText.shown(column) + "': " + conversion.error()));
            return null;
        }
        return new PropertyValue.Literal(conversion.value(), secret);
    }

    /** Checks that a reference resolves and fits; an env value is resolved once and dropped, never kept. */
    private PropertyValue deferred(
            String column, Reference reference, PropertySpec property, List<Violation> violations) {
        PropertyType type = property.type();
        if (reference.kind() == Reference.Kind.FILE && type != PropertyType.STRING && type != PropertyType.ARRAY) {
            violations.add(new Violation(
                    column,
                    "column '" + column + "': a ${file:} reference can only fill a string" + " or array property, and '"
                            + column + "' is " + type.specName() + "; write the value instead"));
            return null;
        }
        try {
            if (reference.kind() == Reference.Kind.FILE) {
                references.check(reference);
            } else {
                String value = references.resolve(reference);
                if (!CellLimits.fitsProperty(column, value, violations)) {
                    return null;
                }
                Conversion conversion = converter.convert(value, property, true);
                if (!conversion.succeeded()) {
                    violations.add(new Violation(
                            column, "column '" + column + "' (" + reference.text() + "): " + conversion.error()));
                    return null;
                }
            }
        } catch (UnresolvedReferenceException e) {
            violations.add(new Violation(column, "column '" + column + "': " + e.getMessage()));
            return null;
        }
        return new PropertyValue.Deferred(reference, property);
    }

    private static Violation unknown(String column, ApiSpec spec) {
        String hint = CsvHeader.reservedMeant(column)
                .or(() -> NearMiss.suggest(column, spec.properties().keySet()))
                .map(name -> "did you mean '" + name + "'?")
                .orElse("leave the cell empty on this row (properties of " + spec.dataSourceId() + ": "
                        + SafeText.truncate(String.join(", ", spec.properties().keySet()), SHOWN_PROPERTY_LIST) + ")");
        return new Violation(
                column,
                "column '" + SafeText.shown(column) + "' is not a property of " + spec.dataSourceId() + "; " + hint);
    }

    private void checkRequired(InputRow row, ApiSpec spec, List<Violation> violations) {
        for (PropertySpec property : spec.properties().values()) {
            if (!property.required()) {
                continue;
            }
            int index = header.indexOf(property.name());
            if (index < 0) {
                violations.add(new Violation(
                        property.name(),
                        "column '" + property.name() + "' is required by " + spec.dataSourceId()
                                + "; add the column and fill it in"));
            } else if (row.cell(index).isBlank()) {
                violations.add(new Violation(
                        property.name(),
                        "column '" + property.name() + "' is required by " + spec.dataSourceId()
                                + " but empty; fill it in"));
            }
        }
    }
}

package dev.qcl.connector;

import java.util.List;
import java.util.Objects;

/**
 * One connection property of a connector's api-specs.
 *
 * @param allowedValues the {@code enum} values (case sensitive), empty when any value goes
 * @param secret whether values of this property must never be shown (see {@link SecretPolicy})
 */
public record PropertySpec(
        String name,
        PropertyType type,
        List<String> allowedValues,
        boolean required,
        boolean secret,
        String description) {
    public PropertySpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a property needs a name");
        }
        type = type == null ? PropertyType.STRING : type;
        allowedValues = allowedValues == null ? List.of() : List.copyOf(allowedValues);
        description = Objects.requireNonNullElse(description, "");
    }
}

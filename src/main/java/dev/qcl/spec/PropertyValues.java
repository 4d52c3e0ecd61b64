package dev.qcl.spec;

import dev.qcl.csv.Reference;
import dev.qcl.csv.ReferenceResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** Turns a draft into the {@code connectionProperties} of a request, resolving references only now. */
public final class PropertyValues {
    private static final ValueConverter CONVERTER = new ValueConverter();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private PropertyValues() {}

    /**
     * The connectionProperties body: literals as converted, {@code ${env:}} values converted to the
     * property's type, files as base64 text or, for an array property, {@code [{"name", "value"}]}.
     *
     * @throws ReferenceResolver.UnresolvedReferenceException when a variable or file has gone since validation
     * @throws UnusableReferenceException when a variable's value no longer fits the property's type
     */
    public static Map<String, Object> resolve(ConnectionDraft draft, ReferenceResolver references) {
        Map<String, Object> body = new LinkedHashMap<>();
        draft.properties().forEach((name, value) -> body.put(name, valueOf(name, value, references)));
        return body;
    }

    /** The secret values of a draft as text (references resolved), so that callers can mask them in messages. */
    public static List<String> secretTexts(ConnectionDraft draft, ReferenceResolver references) {
        Set<String> texts = new LinkedHashSet<>();
        for (PropertyValue value : draft.properties().values()) {
            if (value instanceof PropertyValue.Deferred deferred) {
                texts.add(references.resolve(deferred.reference()));
            } else if (value.secret() && !(((PropertyValue.Literal) value).value() instanceof Boolean)) {
                // a secret boolean (a flag listed in qcl.secret-properties) would mask every true and false
                Object literal = ((PropertyValue.Literal) value).value();
                texts.add(literal instanceof String text ? text : MAPPER.writeValueAsString(literal));
            }
        }
        texts.removeIf(String::isBlank);
        return new ArrayList<>(texts);
    }

    private static Object valueOf(String name, PropertyValue value, ReferenceResolver references) {
        if (value instanceof PropertyValue.Literal literal) {
            return literal.value();
        }
        PropertyValue.Deferred deferred = (PropertyValue.Deferred) value;
        Reference reference = deferred.reference();
        String text = references.resolve(reference);
        if (reference.kind() == Reference.Kind.FILE) {
            if (deferred.spec().type() == PropertyType.ARRAY) {
                Map<String, Object> file = new LinkedHashMap<>();
                file.put("name", references.fileName(reference));
                file.put("value", text);
                return List.of(file);
            }
            return text;
        }
        Conversion conversion = CONVERTER.convert(text, deferred.spec(), true);
        if (!conversion.succeeded()) {
            throw new UnusableReferenceException(name, reference, conversion.error());
        }
        return conversion.value();
    }

    /** A referenced value that no longer fits its property (the variable changed after validation). */
    public static final class UnusableReferenceException extends RuntimeException {
        UnusableReferenceException(String property, Reference reference, String problem) {
            super("property '" + property + "' (" + reference.text() + "): " + problem);
        }
    }
}

package dev.qcl.connector;

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
        return sendable(draft, references).properties();
    }

    /** The secret values of a draft as text (references resolved), so that callers can mask them in messages. */
    public static List<String> secretTexts(ConnectionDraft draft, ReferenceResolver references) {
        return sendable(draft, references).secretTexts();
    }

    /**
     * The connectionProperties body and the secret texts to mask in what the tenant answers, in one pass:
     * each reference is resolved (a file read) exactly once.
     *
     * @throws ReferenceResolver.UnresolvedReferenceException when a variable or file has gone since validation
     * @throws UnusableReferenceException when a variable's value no longer fits the property's type
     */
    public static Sendable sendable(ConnectionDraft draft, ReferenceResolver references) {
        Map<String, Object> body = new LinkedHashMap<>();
        Set<String> texts = new LinkedHashSet<>();
        draft.properties().forEach((name, value) -> {
            if (value instanceof PropertyValue.Literal literal) {
                body.put(name, literal.value());
                // a secret boolean (separateCredentials matches "credential") would mask every true and false
                if (literal.secret() && !(literal.value() instanceof Boolean)) {
                    Object v = literal.value();
                    texts.add(v instanceof String text ? text : MAPPER.writeValueAsString(v));
                }
            } else {
                PropertyValue.Deferred deferred = (PropertyValue.Deferred) value;
                String text = references.resolve(deferred.reference());
                texts.add(text);
                body.put(name, valueOf(name, deferred, text, references));
            }
        });
        texts.removeIf(String::isBlank);
        return new Sendable(body, new ArrayList<>(texts));
    }

    /** A draft's properties as sent, and the secret texts in them. */
    public record Sendable(Map<String, Object> properties, List<String> secretTexts) {
        @Override
        public String toString() {
            return "Sendable[properties=" + properties.keySet() + ", secretTexts=****]";
        }
    }

    private static Object valueOf(
            String name, PropertyValue.Deferred deferred, String text, ReferenceResolver references) {
        Reference reference = deferred.reference();
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

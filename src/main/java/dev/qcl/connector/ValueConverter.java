package dev.qcl.connector;

import dev.qcl.csv.SafeText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Converts cell text to the type an api-specs property declares and checks enum values.
 * Failures are returned as {@link Conversion}s, never thrown.
 */
public final class ValueConverter {
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Map<String, Boolean> BOOLEANS =
            Map.of("true", true, "false", false, "yes", true, "no", false, "1", true, "0", false);

    private final JsonMapper mapper = JsonMapper.builder().build();

    /**
     * Converts {@code text} for {@code spec}. When {@code secret} (or the property is secret) the
     * error message says "the value" instead of quoting the text.
     */
    public Conversion convert(String text, PropertySpec spec, boolean secret) {
        boolean hidden = secret || spec.secret();
        Conversion converted = switch (spec.type()) {
            case STRING -> Conversion.of(text);
            case BOOLEAN -> toBoolean(text, hidden);
            case INTEGER -> toInteger(text, hidden);
            case NUMBER -> toNumber(text, hidden);
            case ARRAY -> toJson(text, hidden, true);
            case OBJECT -> toJson(text, hidden, false);
        };
        if (!converted.succeeded() || spec.allowedValues().isEmpty()) {
            return converted;
        }
        String candidate = spec.type() == PropertyType.STRING ? text : text.strip();
        return spec.allowedValues().contains(candidate)
                ? converted
                : Conversion.failure(notAllowed(candidate, subject(text, hidden), spec.allowedValues(), hidden));
    }

    /** How a message names the value; built only for a failure (most cells convert). */
    private static String subject(String text, boolean hidden) {
        return hidden ? "the value" : "'" + SafeText.shown(text) + "'";
    }

    private static Conversion toBoolean(String text, boolean hidden) {
        Boolean value = BOOLEANS.get(text.strip().toLowerCase(Locale.ROOT));
        return value != null
                ? Conversion.of(value)
                : Conversion.failure(
                        subject(text, hidden) + " is not a boolean; write true or false (yes/no and 1/0 work too)");
    }

    private static Conversion toInteger(String text, boolean hidden) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            return Conversion.failure(subject(text, hidden) + " is not an integer; write a whole number such as 5432");
        }
        BigInteger value = new BigInteger(trimmed);
        return Conversion.of(value.bitLength() < Long.SIZE ? (Object) value.longValueExact() : value);
    }

    private static Conversion toNumber(String text, boolean hidden) {
        String trimmed = text.strip();
        return DECIMAL.matcher(trimmed).matches()
                ? Conversion.of(new BigDecimal(trimmed))
                : Conversion.failure(subject(text, hidden) + " is not a number; write a decimal number such as 1.5");
    }

    private Conversion toJson(String text, boolean hidden, boolean array) {
        String kind = array
                ? "a JSON array; write one such as [\"a\", \"b\"]"
                : "a JSON object; write one such as {\"key\": \"value\"}";
        try {
            JsonNode node = mapper.readTree(text);
            if (node != null && (array ? node.isArray() : node.isObject())) {
                return Conversion.of(
                        array ? mapper.convertValue(node, List.class) : mapper.convertValue(node, Map.class));
            }
        } catch (JacksonException e) {
            // not JSON at all: the same advice as for the wrong JSON type
        }
        return Conversion.failure(subject(text, hidden) + " is not " + kind);
    }

    private static String notAllowed(String candidate, String subject, List<String> allowed, boolean hidden) {
        // a suggestion for a secret would echo most of it
        if (!hidden) {
            var suggestion = NearMiss.suggest(candidate, allowed);
            if (suggestion.isPresent()) {
                return subject + " is not an allowed value; did you mean '" + suggestion.get()
                        + "'? (values are case sensitive; allowed: " + String.join(", ", allowed) + ")";
            }
        }
        return subject + " is not an allowed value; use one of " + String.join(", ", allowed)
                + " (values are case sensitive)";
    }
}

package dev.qcl.qlik.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether a value the sheet asks for is what the tenant already has, allowing for how the tenant
 * echoes values back: scalars as strings ({@code "443"}, {@code "true"}), numbers of another type or
 * scale ({@code 30} and {@code 30.0}), arrays and objects as JSON text, inside arrays and objects too.
 * Used by the update comparison, so that a fresh export loaded back changes nothing.
 */
public final class TenantValues {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private TenantValues() {}

    /** {@code wanted} as the sheet has it (typed by the spec) against {@code current} as the tenant shows it. */
    public static boolean same(Object wanted, Object current) {
        if (wanted == null || current == null) {
            return wanted == current;
        }
        if (wanted instanceof Map<?, ?> || wanted instanceof List<?>) {
            return sameStructure(wanted, current instanceof String text ? parsed(text) : current);
        }
        if (wanted instanceof Boolean flag) {
            return flag.equals(bool(current));
        }
        if (wanted instanceof Number number) {
            BigDecimal left = decimal(number);
            BigDecimal right = decimal(current);
            return left != null && right != null
                    ? left.compareTo(right) == 0
                    : String.valueOf(wanted).equals(String.valueOf(current));
        }
        if (current instanceof Map<?, ?> || current instanceof List<?>) {
            return sameStructure(parsed(wanted.toString()), current);
        }
        return String.valueOf(wanted).equals(String.valueOf(current));
    }

    private static boolean sameStructure(Object wanted, Object current) {
        if (wanted instanceof Map<?, ?> left && current instanceof Map<?, ?> right) {
            if (!left.keySet().equals(right.keySet())) {
                return false;
            }
            return left.entrySet().stream().allMatch(e -> same(e.getValue(), right.get(e.getKey())));
        }
        if (wanted instanceof List<?> left && current instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            for (int i = 0; i < left.size(); i++) {
                if (!same(left.get(i), right.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(wanted, current);
    }

    private static Object parsed(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JacksonException e) {
            return json;
        }
    }

    private static Boolean bool(Object value) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
        return text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null;
    }

    private static BigDecimal decimal(Object value) {
        try {
            if (value instanceof BigDecimal decimal) {
                return decimal;
            }
            if (value instanceof Double || value instanceof Float) {
                double number = ((Number) value).doubleValue();
                return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
            }
            if (value instanceof Number || value instanceof String) {
                return new BigDecimal(value.toString().strip());
            }
        } catch (NumberFormatException e) {
            // not a number: compared as text by the caller
        }
        return null;
    }
}

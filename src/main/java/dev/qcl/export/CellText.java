package dev.qcl.export;

import dev.qcl.connector.PropertyType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A property value as the cell text that {@code run} converts back to the same value: booleans as
 * {@code true}/{@code false}, numbers in plain decimal notation, arrays and objects as JSON text,
 * strings as they are. A value of another type than the spec declares is written as it is, so the
 * run reports it instead of the export guessing.
 */
final class CellText {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private CellText() {}

    static String of(Object value, PropertyType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map || value instanceof List) {
            return MAPPER.writeValueAsString(value);
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            // 1.0E-4 in a cell would not read back as a decimal number; 30.0 and 30 are the same number
            return Double.isFinite(number)
                    ? BigDecimal.valueOf(number).stripTrailingZeros().toPlainString()
                    : value.toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof String text && (type == PropertyType.ARRAY || type == PropertyType.OBJECT)) {
            // a tenant that sends JSON as text: the cell is that text
            return text;
        }
        return value.toString();
    }
}

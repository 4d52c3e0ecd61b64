package dev.qcl.connector;

import java.util.Locale;

/** The JSON type an api-specs property declares; anything unknown or missing is treated as text. */
public enum PropertyType {
    STRING,
    BOOLEAN,
    INTEGER,
    NUMBER,
    ARRAY,
    OBJECT;

    /** The type named by an api-specs {@code type} value; {@code null} or unknown names give {@link #STRING}. */
    public static PropertyType of(String name) {
        if (name == null) {
            return STRING;
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "boolean" -> BOOLEAN;
            case "integer" -> INTEGER;
            case "number" -> NUMBER;
            case "array" -> ARRAY;
            case "object" -> OBJECT;
            default -> STRING;
        };
    }

    /** The name as the api-specs write it, for messages. */
    public String specName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

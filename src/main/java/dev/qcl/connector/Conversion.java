package dev.qcl.connector;

/**
 * The outcome of converting a cell to its declared type: a value, or an error message that names
 * the fix (without the column, which the caller knows).
 */
public record Conversion(Object value, String error) {
    public Conversion {
        if ((value == null) == (error == null)) {
            throw new IllegalArgumentException("a conversion has either a value or an error");
        }
    }

    public static Conversion of(Object value) {
        return new Conversion(value, null);
    }

    public static Conversion failure(String error) {
        return new Conversion(null, error);
    }

    public boolean succeeded() {
        return error == null;
    }

    /** Never shows the value: it may be a secret. */
    @Override
    public String toString() {
        return succeeded() ? "Conversion[succeeded]" : "Conversion[error=" + error + "]";
    }
}

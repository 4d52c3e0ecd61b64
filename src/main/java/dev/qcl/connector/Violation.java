package dev.qcl.connector;

import java.util.Objects;

/**
 * One broken rule of a row.
 *
 * @param column the column at fault, or null when the fault is the row as a whole (its cell count)
 * @param message the full message, naming the column and the fix; never holds a secret value
 */
public record Violation(String column, String message) {
    public Violation {
        Objects.requireNonNull(message, "message");
    }
}

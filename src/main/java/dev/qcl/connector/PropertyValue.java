package dev.qcl.connector;

import dev.qcl.csv.Reference;
import java.util.Objects;

/** The value of one connection property in a draft: known now, or resolved from a reference when sent. */
public sealed interface PropertyValue {
    /** Whether the value must never be shown or stored. */
    boolean secret();

    /** A value from the cell itself, already converted to the property's type. */
    record Literal(Object value, boolean secret) implements PropertyValue {
        public Literal {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String toString() {
            return "Literal[value=" + (secret ? "****" : value) + ", secret=" + secret + "]";
        }
    }

    /** A {@code ${env:}} or {@code ${file:}} reference, resolved only when the row is sent; always secret. */
    record Deferred(Reference reference, PropertySpec spec) implements PropertyValue {
        public Deferred {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(spec, "spec");
        }

        @Override
        public boolean secret() {
            return true;
        }
    }
}

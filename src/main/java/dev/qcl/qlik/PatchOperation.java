package dev.qcl.qlik;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** One JSON-patch operation ({@code add}, {@code replace}, {@code remove}); {@link #toString()} hides the value. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatchOperation(String op, String path, Object value) {
    public PatchOperation {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public String toString() {
        return "PatchOperation[op=" + op + ", path=" + path + ", value=" + SecretMasker.MASK + "]";
    }
}

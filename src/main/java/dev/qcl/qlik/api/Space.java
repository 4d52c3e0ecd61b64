package dev.qcl.qlik.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Objects;

/** A space: {@code type} is shared, managed or data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Space(String id, String name, String type) {
    public Space {
        Objects.requireNonNull(id, "id");
    }
}

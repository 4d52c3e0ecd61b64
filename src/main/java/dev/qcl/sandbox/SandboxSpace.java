package dev.qcl.sandbox;

import java.util.Objects;

/** A space of the sandbox tenant; {@code type} is {@code shared}, {@code managed} or {@code data}. */
public record SandboxSpace(String id, String name, String type) {

    public SandboxSpace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}

package dev.qcl.run;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The saved plan a run applies ({@code run --plan FILE}): kept with the run's parameters, so that a
 * restart and a rerun of its failed rows keep to the same plan, and the report says which it was.
 *
 * @param sha256 the plan file's bytes: a restart refuses a plan file that changed since
 * @param createdAt when the plan was made
 */
public record PlanRef(Path file, String sha256, Instant createdAt) {
    public PlanRef {
        file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

package dev.qcl.run.plan;

import dev.qcl.qlik.api.ExistingConnection;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * The connection a planned action was based on: its ID and when the tenant says it last changed. A
 * planned action without a target was based on there being no such connection.
 *
 * @param updated the tenant's {@code updated} time as it wrote it, or null when it did not say
 */
public record PlanTarget(String id, String updated) {
    /** How the result of a row or deletion whose target changed since the plan begins (contract section 13). */
    public static final String CHANGED = "changed since the plan: ";

    public PlanTarget {
        Objects.requireNonNull(id, "id");
        updated = updated == null || updated.isBlank() ? null : updated;
    }

    public static PlanTarget of(ExistingConnection connection) {
        return new PlanTarget(connection.id(), connection.updated());
    }

    /**
     * Why the connection found now is not what the plan was based on (it appeared, went away, is another
     * one, or was changed), or empty when it is the same.
     *
     * @param planned the target of the plan, or null when the plan found no connection
     */
    public static Optional<String> change(PlanTarget planned, Optional<ExistingConnection> now) {
        if (planned == null) {
            return now.map(c -> "connection " + c.id() + " appeared in the space");
        }
        if (now.isEmpty()) {
            return Optional.of("connection " + planned.id() + " went away");
        }
        ExistingConnection current = now.get();
        if (!current.id().equals(planned.id())) {
            return Optional.of("connection " + planned.id() + " went away and " + current.id() + " has its name now");
        }
        if (!sameTime(planned.updated(), current.updated())) {
            return Optional.of("connection " + planned.id() + " was changed (updated " + current.updated()
                    + ", the plan has " + planned.updated() + ")");
        }
        return Optional.empty();
    }

    /** The same instant, also when the tenant writes it differently (more or fewer fraction digits). */
    static boolean sameTime(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return Instant.parse(a).equals(Instant.parse(b));
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }
}

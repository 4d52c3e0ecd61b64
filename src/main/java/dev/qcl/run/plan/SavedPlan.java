package dev.qcl.run.plan;

import dev.qcl.run.OnExisting;
import dev.qcl.run.RunParameters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * A plan as {@code validate --save-plan} and {@code diff --save-plan} write it (contract section 13): the
 * input's SHA-256, the options that decide the actions, when it was made and for which tenant, and per
 * input row and per planned deletion the action with the target it was based on. It holds no secret
 * value: a secret's planned change appears by the property's name only.
 *
 * @param qclPlan the format's version, {@value #FORMAT}
 * @param createdAt when the plan was made (ISO-8601, UTC)
 * @param command {@code validate} or {@code diff}
 * @param planRun the dry run that made the plan
 */
public record SavedPlan(
        int qclPlan,
        String createdAt,
        String command,
        long planRun,
        String tenant,
        Input input,
        Options options,
        List<PlannedRow> rows,
        List<PlannedDeletion> deletions) {
    public static final int FORMAT = 1;

    public SavedPlan {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(options, "options");
        command = Objects.requireNonNullElse(command, "");
        rows = rows == null ? List.of() : List.copyOf(rows);
        deletions = deletions == null ? List.of() : List.copyOf(deletions);
    }

    public Instant created() {
        return Instant.parse(createdAt);
    }

    /** The input file the plan was made from: where it was, and its bytes' SHA-256. */
    public record Input(String file, String sha256) {
        public Input {
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * The options that decide what a run does with each row and connection. {@code tenants} is the
     * tenants of a run over several ({@code --tenants}, alias to URL); null for one tenant.
     */
    public record Options(
            String onExisting, String own, boolean prune, Map<String, String> mapSpace, Map<String, String> tenants) {
        public Options {
            Objects.requireNonNull(onExisting, "onExisting");
            mapSpace = mapSpace == null ? Map.of() : new LinkedHashMap<>(mapSpace);
            tenants = tenants == null || tenants.isEmpty() ? null : new LinkedHashMap<>(tenants);
        }

        /** The options of a run. */
        public static Options of(RunParameters run) {
            return new Options(
                    run.onExisting().option(),
                    run.ownership().set(),
                    run.ownership().prune(),
                    run.spaceMap().replacements(),
                    null);
        }

        /** The same decisions: the map of spaces compared as a map, whatever order its options came in. */
        public boolean decideAlike(Options other) {
            return OnExisting.parse(onExisting) == OnExisting.parse(other.onExisting)
                    && Objects.equals(own, other.own)
                    && prune == other.prune
                    && mapSpace.equals(other.mapSpace)
                    && Objects.equals(tenants, other.tenants);
        }

        /** The options as a command line gives them, e.g. {@code --on-existing update --own finance --prune}. */
        public String describe() {
            StringJoiner text = new StringJoiner(" ");
            text.add("--on-existing " + onExisting);
            if (own != null) {
                text.add("--own " + own);
            }
            if (prune) {
                text.add("--prune");
            }
            mapSpace.forEach((from, to) -> text.add("--map-space '" + from + "=" + to + "'"));
            if (tenants != null) {
                text.add("--tenants " + String.join(",", tenants.keySet()));
            }
            return text.toString();
        }
    }
}

package dev.qcl.connector;

import dev.qcl.csv.Names;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code --map-space FROM=TO}: space names or IDs that replace others in the sheet's {@code space}
 * and {@code spaceName} cells before validation, for moving a sheet between tenants. A cell equal
 * to a FROM (both read as names, {@link Names}) becomes its TO; each cell is replaced at most once, so maps do not chain.
 */
public record SpaceMap(Map<String, String> replacements) {
    public static final SpaceMap NONE = new SpaceMap(Map.of());

    public SpaceMap {
        Objects.requireNonNull(replacements, "replacements");
        replacements.forEach((from, to) -> {
            if (from == null || from.isBlank() || to == null || to.isBlank()) {
                throw new IllegalArgumentException("a space mapping needs a FROM and a TO");
            }
        });
        replacements = Collections.unmodifiableMap(new LinkedHashMap<>(replacements));
    }

    /**
     * Parses {@code FROM=TO} options, split at the first {@code =}. Throws {@link IllegalArgumentException}
     * with a message for the user when one is malformed or a FROM is given two different TOs.
     */
    public static SpaceMap parse(List<String> options) {
        Map<String, String> replacements = new LinkedHashMap<>();
        for (String option : options) {
            int at = option.indexOf('=');
            String from = at < 0 ? "" : Names.normalized(option.substring(0, at));
            String to = at < 0 ? "" : Names.normalized(option.substring(at + 1));
            if (from.isEmpty() || to.isEmpty()) {
                throw new IllegalArgumentException(
                        "--map-space needs FROM=TO (a space name or ID on each side), not '" + option + "'");
            }
            String earlier = replacements.putIfAbsent(from, to);
            if (earlier != null && !earlier.equals(to)) {
                throw new IllegalArgumentException(
                        "--map-space maps '" + from + "' twice: to '" + earlier + "' and to '" + to + "'");
            }
        }
        return new SpaceMap(replacements);
    }

    public boolean isEmpty() {
        return replacements.isEmpty();
    }

    /** The cell's replacement, or the cell itself as a name ({@link Names}) when no mapping names it. */
    public String apply(String cell) {
        String name = Names.normalized(cell);
        return replacements.getOrDefault(name, name);
    }
}

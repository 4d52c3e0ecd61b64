package dev.qcl.export;

import dev.qcl.csv.Names;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.api.Space;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which connections an export takes: those of the named spaces, or every one the identity can read.
 *
 * @param spaces the spaces named with {@code --space}, by ID, in the order given (empty with {@code all})
 */
public record ExportScope(boolean all, List<Space> spaces) {
    public ExportScope {
        spaces = List.copyOf(spaces);
        if (all == !spaces.isEmpty()) {
            throw new IllegalArgumentException("an export takes either every connection or named spaces");
        }
    }

    public static ExportScope everything() {
        return new ExportScope(true, List.of());
    }

    /**
     * The spaces named by ID or exact name; an ID wins over a name. A name that matches no space or
     * several is an {@link UnknownSpaceException}.
     */
    public static ExportScope of(List<String> idsOrNames, QlikClient client) {
        Map<String, Space> found = new LinkedHashMap<>();
        for (String given : idsOrNames) {
            Space space = find(Names.normalized(given), client);
            found.putIfAbsent(space.id(), space);
        }
        return new ExportScope(false, new ArrayList<>(found.values()));
    }

    private static Space find(String given, QlikClient client) {
        if (given.isEmpty()) {
            throw new UnknownSpaceException("--space needs a space ID or name");
        }
        Optional<Space> byId = looksLikeId(given) ? client.space(given) : Optional.empty();
        if (byId.isPresent()) {
            return byId.get();
        }
        List<Space> named = client.spacesNamed(given);
        if (named.size() == 1) {
            return named.get(0);
        }
        if (named.isEmpty()) {
            throw new UnknownSpaceException("no space has the ID or the exact name '" + given
                    + "' (names are case sensitive); check it, or use --all");
        }
        throw new UnknownSpaceException(named.size() + " spaces are named '" + given + "'; name one by its ID: "
                + String.join(", ", named.stream().map(Space::id).toList()));
    }

    /** Space IDs are hexadecimal; a name with spaces or other letters is not looked up as an ID (a wasted read). */
    private static boolean looksLikeId(String given) {
        return given.matches("[0-9a-fA-F-]{8,64}");
    }

    /** A {@code --space} that names no space, or more than one. */
    public static final class UnknownSpaceException extends RuntimeException {
        UnknownSpaceException(String message) {
            super(message);
        }
    }
}

package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.Names;
import dev.qcl.csv.SafeText;
import java.util.List;
import java.util.Optional;

/** Finds a row's target space from its {@code space} (ID) and {@code spaceName} cells. */
final class SpaceResolution {
    private final SpaceDirectory spaces;

    SpaceResolution(SpaceDirectory spaces) {
        this.spaces = spaces;
    }

    /** The space ID, or null for the personal space (or when broken, with the reasons added to {@code violations}). */
    String resolve(String spaceId, String spaceName, List<Violation> violations) {
        boolean idKnown = !spaceId.isEmpty() && checkId(spaceId, violations);
        String idByName = spaceName.isEmpty() ? null : byName(spaceName, violations);
        if (idKnown && idByName != null && !idByName.equals(spaceId)) {
            violations.add(new Violation(
                    CsvHeader.SPACE,
                    "columns 'space' and 'spaceName' name different spaces: '"
                            + spaceId + "' is not the ID of the space named '" + spaceName + "' (" + idByName
                            + "); set only one of them"));
        }
        return spaceId.isEmpty() ? idByName : spaceId;
    }

    private boolean checkId(String spaceId, List<Violation> violations) {
        if (spaces.exists(spaceId)) {
            return true;
        }
        violations.add(new Violation(
                CsvHeader.SPACE,
                "column 'space': no space has the ID '" + SafeText.shown(spaceId)
                        + "' (or the API key's owner cannot see it); check the ID or use the spaceName column"));
        return false;
    }

    private String byName(String spaceName, List<Violation> violations) {
        List<String> ids = spaces.idsByExactName(spaceName);
        if (ids.size() == 1) {
            return ids.get(0);
        }
        String problem = ids.isEmpty()
                ? "no space named '" + SafeText.shown(spaceName) + "'; " + hint(spaceName)
                : ids.size() + " spaces are named '" + spaceName + "'; use the space column with one of their IDs: "
                        + String.join(", ", ids);
        violations.add(new Violation(CsvHeader.SPACE_NAME, "column 'spaceName': " + problem));
        return null;
    }

    /**
     * What to do about a name no space has. A space whose name differs only in Unicode form or hidden spaces
     * looks the same, but space names must match exactly, and a cell cannot hold the hidden spaces (they are
     * trimmed): the space is to be renamed, or named by its ID.
     */
    private String hint(String spaceName) {
        List<String> similar = spaces.namesLike(spaceName);
        for (String name : similar) {
            Optional<String> lookalike = Names.lookalike(name, spaceName);
            if (lookalike.isPresent()) {
                return "the tenant has a space named '" + SafeText.shown(spaceName) + "' " + lookalike.get()
                        + ", which looks the same; rename that space in the tenant, or give its ID in the space column";
            }
        }
        return NearMiss.suggest(spaceName, similar)
                .map(name -> "did you mean '" + name + "'? (space names must match exactly, including case)")
                .orElse("the name must match exactly, including case");
    }
}

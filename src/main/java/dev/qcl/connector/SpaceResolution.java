package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.SafeText;
import java.util.List;

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
                ? "no space named '" + SafeText.shown(spaceName) + "'; "
                        + NearMiss.suggest(spaceName, spaces.namesLike(spaceName))
                                .map(name ->
                                        "did you mean '" + name + "'? (space names must match exactly, including case)")
                                .orElse("the name must match exactly, including case")
                : ids.size() + " spaces are named '" + spaceName + "'; use the space column with one of their IDs: "
                        + String.join(", ", ids);
        violations.add(new Violation(CsvHeader.SPACE_NAME, "column 'spaceName': " + problem));
        return null;
    }
}

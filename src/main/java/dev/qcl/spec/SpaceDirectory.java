package dev.qcl.spec;

import java.util.List;

/** The tenant's spaces as validation needs them; implementations cache per run. */
public interface SpaceDirectory {
    /** Whether a space with this ID exists and is visible to the API key's owner. */
    boolean exists(String spaceId);

    /** IDs of the spaces whose name equals {@code name} exactly (the API's search is a substring search). */
    List<String> idsByExactName(String name);
}

package dev.qcl.connector;

import java.util.List;

/**
 * The tenant's spaces as validation needs them; implementations cache per run. A look-up that the
 * tenant refuses throws {@link TenantReadException}.
 */
public interface SpaceDirectory {
    /** Whether a space with this ID exists and is visible to the API key's owner. */
    boolean exists(String spaceId);

    /** IDs of the spaces whose name equals {@code name} exactly (the API's search is a substring search). */
    List<String> idsByExactName(String name);

    /**
     * Names of the spaces that the tenant's search finds for {@code name} (any case, as a part of the
     * name), for a "did you mean"; empty when not known.
     */
    default List<String> namesLike(String name) {
        return List.of();
    }
}

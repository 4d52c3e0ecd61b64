package dev.qcl.rows;

import dev.qcl.csv.Names;
import dev.qcl.run.Ownership;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The tags a run writes. The sheet's {@code tags} column holds the user's tags; tags the tenant adds
 * itself ({@code DcaasAPI:}) and ownership tags ({@code qcl:}) are not the sheet's, so they are kept
 * as they are and never compared; a run with {@code --own SET} adds {@code qcl:SET}.
 */
final class OwnedTags {
    static final String TENANT_TAG_PREFIX = "DcaasAPI:";

    private OwnedTags() {}

    /** The tags of a new connection: the sheet's, plus the set's tag. */
    static List<String> forCreate(List<String> sheetTags, Ownership owned) {
        List<String> tags = new ArrayList<>(sheetTags);
        if (owned.owns() && !tags.contains(owned.tag())) {
            tags.add(owned.tag());
        }
        return tags;
    }

    /** Whether the sheet's tags differ from the user tags of the connection (an empty cell leaves them). */
    static boolean userTagsDiffer(List<String> sheetTags, List<String> current) {
        return !sheetTags.isEmpty() && !new LinkedHashSet<>(sheetTags).equals(new LinkedHashSet<>(userTags(current)));
    }

    /** Whether the run owns a set and the connection lacks its tag: an update adopts it. */
    static boolean adopts(List<String> current, Ownership owned) {
        return owned.owns() && !current.contains(owned.tag());
    }

    /** The whole tag list to write, or empty when the tags need no change. */
    static Optional<List<String>> forUpdate(List<String> sheetTags, List<String> current, Ownership owned) {
        boolean userChanged = userTagsDiffer(sheetTags, current);
        boolean adopt = adopts(current, owned);
        if (!userChanged && !adopt) {
            return Optional.empty();
        }
        LinkedHashSet<String> tags = new LinkedHashSet<>(userChanged ? sheetTags : userTags(current));
        current.stream().filter(t -> t.startsWith(Ownership.TAG_PREFIX)).forEach(tags::add);
        if (adopt) {
            tags.add(owned.tag());
        }
        current.stream().filter(t -> t.startsWith(TENANT_TAG_PREFIX)).forEach(tags::add);
        return Optional.of(List.copyOf(tags));
    }

    /** The tenant's user tags, read as the sheet's are ({@link Names}), so that a look-alike is no change. */
    private static List<String> userTags(List<String> tags) {
        return tags.stream()
                .filter(t -> !t.startsWith(TENANT_TAG_PREFIX) && !t.startsWith(Ownership.TAG_PREFIX))
                .map(Names::normalized)
                .toList();
    }
}

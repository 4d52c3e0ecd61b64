package dev.qcl.run;

import dev.qcl.qlik.api.ExistingConnection;
import java.util.regex.Pattern;

/**
 * {@code --own SET}, {@code --prune} and {@code --max-deletes}: the set of connections a run owns,
 * marked by the tag {@code qcl:SET}, and whether connections of the set that no row names are deleted.
 *
 * @param set the set's name, or null when the run owns nothing
 * @param maxDeletes more planned deletions than this stop the command before anything is sent
 */
public record Ownership(String set, boolean prune, int maxDeletes) {
    /** The prefix of every ownership tag; such tags are qcl's, not the sheet's. */
    public static final String TAG_PREFIX = "qcl:";

    public static final int DEFAULT_MAX_DELETES = 20;
    public static final Ownership NONE = new Ownership(null, false, DEFAULT_MAX_DELETES);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");

    public Ownership {
        if (set != null && !NAME.matcher(set).matches()) {
            throw new IllegalArgumentException("--own takes a set name of letters, digits, '.', '_' and '-', at most 40"
                    + " characters, not '" + set + "'");
        }
        if (prune && set == null) {
            throw new IllegalArgumentException("--prune needs --own SET: only connections of an owned set are pruned");
        }
        if (maxDeletes < 0) {
            throw new IllegalArgumentException("--max-deletes must be 0 or more, not " + maxDeletes);
        }
    }

    public boolean owns() {
        return set != null;
    }

    /** {@code qcl:SET}. */
    public String tag() {
        return TAG_PREFIX + set;
    }

    /** Whether the connection carries this set's tag. */
    public boolean isOwned(ExistingConnection connection) {
        return owns() && connection.tags().contains(tag());
    }
}

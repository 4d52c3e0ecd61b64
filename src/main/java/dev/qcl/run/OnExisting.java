package dev.qcl.run;

import java.util.Locale;

/** What a run does with a row whose qName already exists in its target space. */
public enum OnExisting {
    /** Record SKIPPED and send nothing. */
    SKIP,
    /** Send only what differs (UPDATED), or record SKIPPED "unchanged". */
    UPDATE,
    /** Record FAILED. */
    FAIL;

    public static OnExisting parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    public String option() {
        return name().toLowerCase(Locale.ROOT);
    }
}

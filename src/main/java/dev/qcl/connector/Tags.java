package dev.qcl.connector;

import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.Names;
import dev.qcl.csv.SafeText;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code tags} cell: {@code ;}-separated, within Qlik's limits of 31 tags of 256 bytes each. */
final class Tags {
    static final int MAX_TAGS = 31;
    static final int MAX_TAG_BYTES = 256;

    private Tags() {}

    /** The tags, as names ({@link Names}), without empty or repeated ones; broken limits are added to {@code violations}. */
    static List<String> parse(String cell, List<Violation> violations) {
        Set<String> tags = new LinkedHashSet<>();
        for (String part : cell.split(";")) {
            String tag = Names.normalized(part);
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_TAGS) {
            violations.add(violation(tags.size() + " tags are too many; at most " + MAX_TAGS + " are allowed"));
        }
        for (String tag : tags) {
            int control = SafeText.firstControl(tag);
            if (control >= 0) {
                violations.add(violation("the tag '" + SafeText.shown(tag) + "' holds a control character (such as"
                        + " a line break); remove it"));
                continue;
            }
            int bytes = tag.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_TAG_BYTES) {
                violations.add(violation("the tag '" + SafeText.shown(tag) + "' has " + bytes + " bytes; at most "
                        + MAX_TAG_BYTES + " bytes (UTF-8) are allowed"));
            }
        }
        return List.copyOf(tags);
    }

    private static Violation violation(String problem) {
        return new Violation(CsvHeader.TAGS, "column '" + CsvHeader.TAGS + "': " + problem);
    }
}

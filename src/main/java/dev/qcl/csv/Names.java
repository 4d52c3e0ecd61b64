package dev.qcl.csv;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A name (qName, dataSourceId, space, spaceName, a tag) as qcl reads and compares it, in the sheet, in
 * the tenant's listings and in an export: in Unicode NFC, so that "é" typed as one character and as "e"
 * plus an accent (NFD, as macOS file names and some pastes have it) is one name; and without the spaces
 * around it that a cell or a tenant's name hides. Those are every Unicode space (U+0020, the no-break
 * spaces U+00A0, U+2007 and U+202F, the ideographic space U+3000, the line and paragraph separators)
 * and the invisible U+200B, U+2060 and U+FEFF. Control characters are not trimmed: a line break in a
 * name makes its row INVALID (contract section 4). What lies inside a name is kept as it is.
 */
public final class Names {
    private Names() {}

    /** The cell of a reserved column, as a name. */
    public static String cell(InputRow row, CsvHeader header, String column) {
        return normalized(row.cell(header.indexOf(column)));
    }

    /** {@code text} in NFC, without the spaces around it; null stays null. */
    public static String normalized(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String nfc = Normalizer.isNormalized(text, Normalizer.Form.NFC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFC);
        int start = 0;
        int end = nfc.length();
        while (start < end && trimmed(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        while (end > start && trimmed(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        return nfc.substring(start, end);
    }

    /**
     * How {@code other} (a tenant's name) differs from {@code name} (a normalized one) when it is the same
     * name once normalized, for instance "with a no-break space (U+00A0) at the end"; empty when the two
     * are equal or are different names.
     */
    public static Optional<String> lookalike(String other, String name) {
        if (other == null || other.equals(name) || !normalized(other).equals(name)) {
            return Optional.empty();
        }
        List<String> differences = new ArrayList<>();
        String nfc = Normalizer.normalize(other, Normalizer.Form.NFC);
        if (!nfc.equals(other)) {
            differences.add("in another Unicode form (letters and accents as separate characters, NFD)");
        }
        int start = 0;
        while (start < nfc.length() && trimmed(nfc.codePointAt(start))) {
            start += Character.charCount(nfc.codePointAt(start));
        }
        int end = nfc.length();
        while (end > start && trimmed(nfc.codePointBefore(end))) {
            end -= Character.charCount(nfc.codePointBefore(end));
        }
        if (start > 0) {
            differences.add("with " + describe(nfc.substring(0, start)) + " at the start");
        }
        if (end < nfc.length()) {
            differences.add("with " + describe(nfc.substring(end)) + " at the end");
        }
        return Optional.of(String.join(" and ", differences));
    }

    private static boolean trimmed(int codePoint) {
        return !Character.isISOControl(codePoint)
                && (Character.isWhitespace(codePoint)
                        || Character.isSpaceChar(codePoint)
                        || codePoint == 0x200B
                        || codePoint == 0x2060
                        || codePoint == 0xFEFF);
    }

    /** "a no-break space (U+00A0)", "a space (U+0020) and a zero width space (U+200B)". */
    private static String describe(String spaces) {
        List<String> names = new ArrayList<>();
        spaces.codePoints().forEach(cp -> {
            String name = Character.getName(cp);
            String shown = name == null ? "space" : name.toLowerCase(Locale.ROOT);
            names.add(("aeiou".indexOf(shown.charAt(0)) >= 0 ? "an " : "a ") + shown + String.format(" (U+%04X)", cp));
        });
        return String.join(" and ", names);
    }
}

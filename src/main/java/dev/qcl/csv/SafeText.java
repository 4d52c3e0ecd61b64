package dev.qcl.csv;

/**
 * Bounds text from cells and from the tenant before it is stored or shown: no split surrogate
 * pairs, no characters a database refuses, user text quoted in messages only in part.
 */
public final class SafeText {
    /** How much of a user's cell a message quotes. */
    public static final int SHOWN_CHARS = 60;

    private static final String ELLIPSIS = "…";

    private SafeText() {}

    /** At most {@code maxChars} UTF-16 chars; a cut text ends with "…" and never ends in half a surrogate pair. */
    public static String truncate(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int end = maxChars - ELLIPSIS.length();
        if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, Math.max(end, 0)) + ELLIPSIS;
    }

    /**
     * The text as a database column holds it: NUL (which PostgreSQL refuses) and unpaired surrogates
     * (which UTF-8 cannot encode) become U+FFFD, then at most {@code maxChars}.
     */
    public static String storable(String text, int maxChars) {
        if (text == null) {
            return null;
        }
        return truncate(replaceUnstorable(text, false), maxChars);
    }

    /** A cell as a message quotes it: its first {@link #SHOWN_CHARS} characters, control characters replaced. */
    public static String shown(String text) {
        if (text == null) {
            return "";
        }
        String head = text.length() > SHOWN_CHARS ? text.substring(0, SHOWN_CHARS + 1) : text;
        String cut = truncate(replaceUnstorable(head, true), SHOWN_CHARS);
        return text.length() > SHOWN_CHARS ? cut + " (" + text.length() + " characters)" : cut;
    }

    /** The position (from 0) of the first control character (line break, tab, NUL, ...), or -1. */
    public static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String replaceUnstorable(String text, boolean controls) {
        if (plain(text)) {
            return text; // the common case, checked in one cheap pass: every result of a run goes through here
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean bad = c == 0
                    || (controls && Character.isISOControl(c))
                    || (Character.isSurrogate(c)
                            && !paired
                            && !(Character.isLowSurrogate(c)
                                    && i > 0
                                    && Character.isHighSurrogate(text.charAt(i - 1))));
            if (bad && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(bad ? '\uFFFD' : c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** No control character (NUL included) and no surrogate: nothing to replace. */
    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && (c <= 0x9F || Character.isSurrogate(c)))) {
                return false;
            }
        }
        return true;
    }
}

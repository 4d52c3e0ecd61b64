package dev.qcl.report;

import java.util.Locale;

/** Text made safe for HTML and SVG: every value that reaches report.html goes through here. */
final class Html {
    private static final char REPLACEMENT = '\uFFFD';

    private Html() {}

    /**
     * Escapes {@code & < > " '} so that a value is inert both as element text and inside a quoted
     * attribute; control characters and unpaired surrogates (which UTF-8 cannot encode) become U+FFFD.
     */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (Character.isSurrogate(c) || isControl(c)) {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The escaped text, or a dash when there is none. */
    static String orDash(String text) {
        return text == null || text.isBlank() ? "&mdash;" : escape(text);
    }

    /** A coordinate for an SVG attribute: a dot as decimal separator whatever the default locale. */
    static String num(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** An SVG text element; its class sets the font and the anchor. */
    static String svgText(double x, double y, String cssClass, String content) {
        return "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" class=\"" + cssClass + "\">" + escape(content)
                + "</text>";
    }

    private static boolean isControl(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
    }
}

package dev.qcl.workbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Excel's escapes in cell text: a character that XML cannot hold (a carriage return, other control
 * characters) is written {@code _x000D_}, and a literal {@code _x} sequence as {@code _x005F_x...}.
 */
final class Escapes {
    private static final Pattern ESCAPE = Pattern.compile("_x([0-9A-Fa-f]{4})_");

    private Escapes() {}

    static String decoded(String text) {
        if (text.indexOf("_x") < 0) {
            return text;
        }
        Matcher matcher = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            char c = (char) Integer.parseInt(matcher.group(1), 16);
            matcher.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(c)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}

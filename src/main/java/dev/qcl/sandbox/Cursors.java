package dev.qcl.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging cursors: a number wrapped in base64 so clients follow links instead of computing pages. */
final class Cursors {

    private Cursors() {}

    static String encode(String kind, long value) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    static long decode(String kind, String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(kind + ":")) {
                return Long.parseLong(text.substring(kind.length() + 1));
            }
        } catch (IllegalArgumentException e) {
            // NumberFormatException is an IllegalArgumentException too; both mean a cursor we did not issue
        }
        throw SandboxApiException.badRequest("Invalid paging cursor: " + cursor);
    }
}

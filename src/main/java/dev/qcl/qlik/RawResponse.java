package dev.qcl.qlik;

import java.nio.charset.StandardCharsets;

/** A response as received: status, the {@code Retry-After} header (or null) and the body bytes. */
record RawResponse(int status, String retryAfter, byte[] body) {
    RawResponse {
        body = body == null ? new byte[0] : body;
    }

    boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

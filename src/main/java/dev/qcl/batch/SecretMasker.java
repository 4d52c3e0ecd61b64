package dev.qcl.batch;

import java.util.Collection;

/** Removes secret values from text that may echo them, such as a tenant's error message. */
final class SecretMasker {
    static final String MASK = "****";
    // A very short "secret" (a PIN-like "1") would mangle every message; such values are not masked.
    private static final int SHORTEST_MASKED = 3;

    private SecretMasker() {}

    static String mask(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && secret.length() >= SHORTEST_MASKED) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}

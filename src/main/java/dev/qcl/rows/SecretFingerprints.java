package dev.qcl.rows;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keyed fingerprints (HMAC-SHA256) of the secret values qcl last wrote per connection and property, so
 * that an update sends a secret only when it changed. The values themselves are never stored, and the
 * key is not in the job repository (see {@link FingerprintKey}), so the stored fingerprints do not let a
 * reader of the database test guesses. Fingerprints of older qcl versions (salted SHA-256, salt in the
 * database) are treated as unknown: such a secret is sent once more, then fingerprinted anew.
 */
final class SecretFingerprints {
    /** Marks a keyed fingerprint; anything else in the table is from an older version. */
    private static final String VERSION = "k1:";

    private static final String HMAC = "HmacSHA256";

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;

    SecretFingerprints(JdbcTemplate jdbc, byte[] key) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(key, HMAC);
    }

    /** Whether {@code value} differs from what qcl last wrote, or qcl never wrote this secret (or an older qcl did). */
    boolean changed(String connectionId, String property, String value) {
        List<String> stored = jdbc.queryForList(
                "SELECT FINGERPRINT FROM QCL_SECRET_FINGERPRINT WHERE CONNECTION_ID = ? AND PROPERTY = ?",
                String.class,
                connectionId,
                property);
        return stored.isEmpty() || !stored.get(0).equals(fingerprint(connectionId, property, value));
    }

    void remember(String connectionId, String property, String value) {
        String fingerprint = fingerprint(connectionId, property, value);
        int updated = jdbc.update(
                "UPDATE QCL_SECRET_FINGERPRINT SET FINGERPRINT = ? WHERE CONNECTION_ID = ? AND PROPERTY = ?",
                fingerprint,
                connectionId,
                property);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO QCL_SECRET_FINGERPRINT (CONNECTION_ID, PROPERTY, FINGERPRINT) VALUES (?, ?, ?)",
                    connectionId,
                    property,
                    fingerprint);
        }
    }

    /** {@code k1:} and the HMAC in unpadded base64 (46 characters, within the column's 64). */
    String fingerprint(String connectionId, String property, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            for (String part : List.of(connectionId, property, value)) {
                mac.update(part.getBytes(StandardCharsets.UTF_8));
                mac.update((byte) 0);
            }
            return VERSION + Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal());
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }
}

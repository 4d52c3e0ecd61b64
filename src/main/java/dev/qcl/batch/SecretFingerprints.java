package dev.qcl.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Salted fingerprints of the secret values qcl last wrote per connection and property, so that an
 * update sends a secret only when it changed. The values themselves are never stored; the salt is
 * kept in the job repository so that every machine sharing it computes the same fingerprints.
 */
final class SecretFingerprints {
    private final JdbcTemplate jdbc;
    private final String salt;

    SecretFingerprints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.salt = loadOrCreateSalt();
    }

    /** Whether {@code value} differs from what qcl last wrote, or qcl never wrote this secret. */
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

    private String fingerprint(String connectionId, String property, String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : List.of(salt, connectionId, property, value)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private String loadOrCreateSalt() {
        List<String> existing =
                jdbc.queryForList("SELECT SETTING_VALUE FROM QCL_SETTING WHERE NAME = 'fingerprint-salt'", String.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        try {
            jdbc.update("INSERT INTO QCL_SETTING (NAME, SETTING_VALUE) VALUES ('fingerprint-salt', ?)",
                    HexFormat.of().formatHex(bytes));
        } catch (DuplicateKeyException raced) {
            // another process created it first: use theirs
        }
        return jdbc.queryForObject("SELECT SETTING_VALUE FROM QCL_SETTING WHERE NAME = 'fingerprint-salt'", String.class);
    }
}

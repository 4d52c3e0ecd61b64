package dev.qcl.settings;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key of the secret fingerprints ({@code qcl.fingerprints.*}).
 *
 * @param keyFile the file holding the key, created with mode 600 when missing; empty:
 *     {@code <home>/fingerprint.key}. Give machines that share a job repository the same file.
 */
@ConfigurationProperties("qcl.fingerprints")
public record FingerprintProperties(Path keyFile) {
    /** The key's file in the home folder, when {@code qcl.fingerprints.key-file} names none. */
    public static final String DEFAULT_FILE = "fingerprint.key";

    public Path keyFileIn(Path home) {
        return keyFile != null ? keyFile : home.resolve(DEFAULT_FILE);
    }
}

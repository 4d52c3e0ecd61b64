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
    public Path keyFileIn(Path home) {
        return keyFile != null ? keyFile : home.resolve(FingerprintKey.DEFAULT_FILE);
    }
}

package dev.qcl.run;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The tenants of a run over several ({@code --tenants FILE}): the file, its content's digest (part of the
 * run's identity, so that a restart talks to the same tenants with the same identities), and how many
 * tenants are worked on at once ({@code --tenant-concurrency}).
 */
public record RunTenants(Path file, String sha256, int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 4;

    public RunTenants {
        file = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        Objects.requireNonNull(sha256, "sha256");
        if (concurrency < 1) {
            throw new IllegalArgumentException("tenant concurrency must be at least 1");
        }
    }

    /** The SHA-256 of a tenants file's bytes, as hex. */
    public static String digestOf(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new ConfigurationProblem("cannot read the tenants file " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

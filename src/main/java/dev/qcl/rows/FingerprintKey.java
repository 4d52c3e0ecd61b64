package dev.qcl.rows;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The key of the secret fingerprints, kept outside the job repository: a file of 32 random bytes (hex)
 * created with mode 600 on first use. Whoever reads the database alone cannot test guesses against the
 * fingerprints. Machines that share a PostgreSQL job repository should be given the same key file.
 */
final class FingerprintKey {
    private static final int KEY_BYTES = 32;

    private FingerprintKey() {}

    /** The key in {@code file}, created (mode 600) when the file does not exist. */
    static byte[] load(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file).strip();
            byte[] key = HexFormat.of().parseHex(text);
            if (key.length < 16) {
                throw new ConfigurationProblem("the fingerprint key file " + file + " holds fewer than 16 bytes;"
                        + " delete it to get a new one (secrets are then sent once more)");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ConfigurationProblem("the fingerprint key file " + file + " does not hold hex digits;"
                    + " delete it to get a new one (secrets are then sent once more)");
        } catch (IOException e) {
            throw new ConfigurationProblem("cannot read or create the fingerprint key file " + file + " ("
                    + e.getClass().getSimpleName() + "); check qcl.fingerprints.key-file");
        }
    }

    /** Written whole under a temporary name, then linked in place, so a second process never reads half a key. */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(
                dir,
                ".fingerprint-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(temp, HexFormat.of().formatHex(key) + "\n");
            Files.createLink(file, temp);
        } catch (FileAlreadyExistsException raced) {
            // another process created it first: use theirs
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}

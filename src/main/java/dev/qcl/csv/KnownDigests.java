package dev.qcl.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-256 of the input files this process has hashed, trusted again while a file's size,
 * modification time and identity (its inode) stay as they were, the way git trusts its index instead
 * of hashing a work tree anew. A run hashes its input when it starts and failed.csv checks it again
 * when it ends; on a large sheet the second hash was a second or two of the report's time.
 *
 * <p>A digest is remembered only when the file looked the same before and after it was hashed, and its
 * modification time is older than {@link #SETTLED}: a file written just before (within the time stamp's
 * granularity on a coarse file system) could change again without its time stamp showing it.
 */
final class KnownDigests {
    static final Duration SETTLED = Duration.ofSeconds(2);

    private static final Map<Path, Known> KNOWN = new ConcurrentHashMap<>();

    private KnownDigests() {}

    /** What identifies one content of a file without reading it. */
    record Stamp(long size, FileTime modified, Object fileKey) {}

    private record Known(Stamp stamp, String sha256) {}

    /** The file's stamp now, or null when it cannot be read (then nothing is trusted). */
    static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(attributes.size(), attributes.lastModifiedTime(), attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    /** Notes that {@code file} hashed to {@code sha256}, having had stamp {@code before} when its reading began. */
    static void remember(Path file, Stamp before, String sha256, Clock clock) {
        Stamp after = stamp(file);
        if (before == null
                || before.fileKey() == null
                || !before.equals(after)
                || before.modified().toInstant().isAfter(clock.instant().minus(SETTLED))) {
            KNOWN.remove(key(file));
            return;
        }
        KNOWN.put(key(file), new Known(before, sha256));
    }

    /** Whether {@code file} is known to hash to {@code sha256} and shows the same stamp as when it was hashed. */
    static boolean unchanged(Path file, String sha256) {
        Known known = KNOWN.get(key(file));
        return known != null && known.sha256().equals(sha256) && Objects.equals(known.stamp(), stamp(file));
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }
}

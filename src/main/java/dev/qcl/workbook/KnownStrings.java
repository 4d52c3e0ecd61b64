package dev.qcl.workbook;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The shared strings of the workbook this process read last, kept (softly) while the file's size,
 * modification time and identity stay as they were: a run reads its workbook three times (the check, the
 * job, failed.xlsx), and on a large sheet the shared strings are a good part of each reading.
 */
final class KnownStrings {
    /** A file written this recently may change again without its time stamp showing it (as csv.KnownDigests). */
    static final Duration SETTLED = Duration.ofSeconds(2);

    private static Known last;

    private KnownStrings() {}

    private record Stamp(Path file, long size, FileTime modified, Object fileKey) {}

    private record Known(Stamp stamp, SoftReference<SharedStrings> strings) {}

    static synchronized SharedStrings of(Path file, Supplier<SharedStrings> read) {
        Stamp before = stamp(file);
        if (last != null && before != null && last.stamp().equals(before)) {
            SharedStrings known = last.strings().get();
            if (known != null) {
                return known;
            }
        }
        SharedStrings strings = read.get();
        Stamp after = stamp(file);
        boolean trusted = before != null
                && before.fileKey() != null
                && before.equals(after)
                && before.modified().toInstant().isBefore(Instant.now().minus(SETTLED));
        last = trusted ? new Known(before, new SoftReference<>(strings)) : null;
        return strings;
    }

    private static Stamp stamp(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Stamp(
                    file.toAbsolutePath().normalize(),
                    attributes.size(),
                    attributes.lastModifiedTime(),
                    attributes.fileKey());
        } catch (IOException e) {
            return null;
        }
    }
}

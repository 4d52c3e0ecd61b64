package dev.qcl.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes input files for tests: text as UTF-8, or exact bytes. */
final class TestFiles {
    static final String HEADER = "qName,dataSourceId,space,host\n";

    private TestFiles() {}

    static Path write(Path dir, String text) {
        return write(dir, text.getBytes(StandardCharsets.UTF_8));
    }

    static Path write(Path dir, byte[] bytes) {
        try {
            return Files.write(dir.resolve("connections.csv"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}

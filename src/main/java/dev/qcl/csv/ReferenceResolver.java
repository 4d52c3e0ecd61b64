package dev.qcl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Resolves {@link Reference}s, confined (contract section 4): a {@code ${file:}} path must stay inside
 * the CSV's folder once {@code ..} and symbolic links are resolved (absolute paths only under
 * {@link ReferenceRules#fileRoots()}), the file may hold at most {@link #MAX_FILE_BYTES}, and nothing of a
 * refused file is read; {@code ${env:}} never reads qcl's own credentials, nor a variable outside
 * {@link ReferenceRules#envAllow()} when that is set.
 */
public final class ReferenceResolver {
    /** The largest file a {@code ${file:}} reference may name: 1 MiB. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;
    /** qcl's own credentials: a sheet must never copy them into a connection that others can read. */
    static final Set<String> OWN_CREDENTIALS = Set.of("QLIK_API_KEY", "QLIK_CLIENT_SECRET");

    private final Path baseDir;
    private final Function<String, String> environment;
    private final ReferenceRules rules;

    public ReferenceResolver(Path baseDir, Function<String, String> environment) {
        this(baseDir, environment, ReferenceRules.DEFAULT);
    }

    public ReferenceResolver(Path baseDir, Function<String, String> environment, ReferenceRules rules) {
        this.baseDir =
                Objects.requireNonNull(baseDir, "baseDir").toAbsolutePath().normalize();
        this.environment = Objects.requireNonNull(environment, "environment");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** Resolves against the process environment, with the default rules. */
    public static ReferenceResolver forInput(Path inputFile) {
        return forInput(inputFile, ReferenceRules.DEFAULT);
    }

    /** Resolves against the process environment. */
    public static ReferenceResolver forInput(Path inputFile, ReferenceRules rules) {
        Path parent = inputFile.toAbsolutePath().getParent();
        return new ReferenceResolver(parent, System::getenv, rules);
    }

    /** The value: the variable's text, or the file's bytes as base64. Reads a file once per call. */
    public String resolve(Reference reference) {
        return switch (reference.kind()) {
            case ENV -> variable(reference);
            case FILE -> Base64.getEncoder().encodeToString(readFile(reference));
        };
    }

    /** The file name (without folders) of a file reference, as Qlik wants it next to the content. */
    public String fileName(Reference reference) {
        Path name = given(reference).getFileName();
        return name == null ? "" : name.toString();
    }

    /** Checks that the reference may be and can be resolved, without reading a file or keeping a value. */
    public void check(Reference reference) {
        switch (reference.kind()) {
            case ENV -> variable(reference);
            case FILE -> confinedFile(reference);
        }
    }

    private String variable(Reference reference) {
        String name = reference.target();
        if (OWN_CREDENTIALS.contains(name.toUpperCase(Locale.ROOT))) {
            throw new UnresolvedReferenceException(reference.text() + " is refused: qcl's own credentials ("
                    + String.join(", ", OWN_CREDENTIALS.stream().sorted().toList())
                    + ") never fill a connection property; use a variable of its own");
        }
        if (!rules.envAllow().isEmpty() && !rules.envAllow().contains(name)) {
            throw new UnresolvedReferenceException(SafeText.shown(reference.text()) + " is refused: "
                    + SafeText.shown(name) + " is not listed in qcl.references.env-allow");
        }
        String value = environment.apply(name);
        if (value == null) {
            throw new UnresolvedReferenceException("environment variable " + SafeText.shown(name)
                    + " is not set; set it or put the value in the cell");
        }
        return value;
    }

    /** The file's bytes, read once: at most {@link #MAX_FILE_BYTES}, and never through a link swapped in since. */
    private byte[] readFile(Reference reference) {
        Path file = confinedFile(reference);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(reference, bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(reference, file);
        }
    }

    /** The real path of a file reference once every rule holds; nothing of the file is read. */
    private Path confinedFile(Reference reference) {
        Path given = given(reference);
        Path real;
        if (given.isAbsolute()) {
            List<Path> roots = realRoots();
            if (roots.isEmpty()) {
                throw refused(
                        reference,
                        "absolute paths are refused; write the path relative to the CSV's folder,"
                                + " or list its folder in qcl.references.file-roots");
            }
            real = realPath(reference, given.normalize());
            if (roots.stream().noneMatch(real::startsWith)) {
                throw refused(reference, "the file is outside the folders of qcl.references.file-roots");
            }
        } else {
            Path lexical = baseDir.resolve(given).normalize();
            if (!lexical.startsWith(baseDir)) {
                throw refused(reference, "the path leaves the CSV's folder; keep the file in that folder or below");
            }
            real = realPath(reference, lexical);
            if (!real.startsWith(realPath(reference, baseDir))) {
                throw refused(
                        reference, "a symbolic link leads outside the CSV's folder; copy the file into the folder");
            }
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS) || !Files.isReadable(real)) {
            throw cannotRead(reference, real);
        }
        try {
            long size = Files.size(real);
            if (size > MAX_FILE_BYTES) {
                throw tooLarge(reference, size);
            }
        } catch (IOException e) {
            throw cannotRead(reference, real);
        }
        return real;
    }

    private Path given(Reference reference) {
        try {
            return Path.of(reference.target());
        } catch (InvalidPathException e) {
            throw refused(reference, "it is not a valid path");
        }
    }

    private List<Path> realRoots() {
        List<Path> roots = new ArrayList<>();
        for (Path root : rules.fileRoots()) {
            try {
                roots.add(root.toAbsolutePath().normalize().toRealPath());
            } catch (IOException | InvalidPathException missing) {
                // a root that does not exist holds no file
            }
        }
        return roots;
    }

    private static Path realPath(Reference reference, Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw cannotRead(reference, path);
        }
    }

    private static UnresolvedReferenceException refused(Reference reference, String why) {
        return new UnresolvedReferenceException(SafeText.shown(reference.text()) + " is refused: " + why);
    }

    private static UnresolvedReferenceException tooLarge(Reference reference, long bytes) {
        return refused(
                reference, "the file has " + bytes + " bytes; at most " + MAX_FILE_BYTES + " (1 MiB) are allowed");
    }

    private static UnresolvedReferenceException cannotRead(Reference reference, Path path) {
        return new UnresolvedReferenceException("file " + SafeText.shown(reference.target()) + " ("
                + SafeText.shown(path.toString()) + ") cannot be read; the path is relative to the CSV's folder");
    }

    /** A reference whose variable or file is missing, or that breaks a confinement rule: the row is INVALID. */
    public static final class UnresolvedReferenceException extends RuntimeException {
        UnresolvedReferenceException(String message) {
            super(message);
        }
    }
}

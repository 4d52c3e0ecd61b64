package dev.qcl.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/** Resolves {@link Reference}s: environment variables, and files relative to the input file's folder. */
public final class ReferenceResolver {
    private final Path baseDir;
    private final Function<String, String> environment;

    public ReferenceResolver(Path baseDir, Function<String, String> environment) {
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /** Resolves against the process environment. */
    public static ReferenceResolver forInput(Path inputFile) {
        Path parent = inputFile.toAbsolutePath().getParent();
        return new ReferenceResolver(parent, System::getenv);
    }

    /** The value: the variable's text, or the file's bytes as base64. */
    public String resolve(Reference reference) {
        return switch (reference.kind()) {
            case ENV -> {
                String value = environment.apply(reference.target());
                if (value == null) {
                    throw new UnresolvedReferenceException(
                            "environment variable " + reference.target() + " is not set; set it or put the value in the cell");
                }
                yield value;
            }
            case FILE -> Base64.getEncoder().encodeToString(readFile(reference));
        };
    }

    /** The file name (without folders) of a file reference, as Qlik wants it next to the content. */
    public String fileName(Reference reference) {
        return file(reference).getFileName().toString();
    }

    /** Checks that the reference can be resolved, without keeping its value. */
    public void check(Reference reference) {
        switch (reference.kind()) {
            case ENV -> resolve(reference);
            case FILE -> {
                Path file = file(reference);
                if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                    throw missingFile(reference, file);
                }
            }
        }
    }

    private byte[] readFile(Reference reference) {
        Path file = file(reference);
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw missingFile(reference, file);
        }
    }

    private Path file(Reference reference) {
        return baseDir.resolve(reference.target()).normalize();
    }

    private static UnresolvedReferenceException missingFile(Reference reference, Path file) {
        return new UnresolvedReferenceException("file " + reference.target() + " (" + file
                + ") cannot be read; the path is relative to the CSV's folder");
    }

    /** A reference whose variable or file is missing: the row is INVALID. */
    public static final class UnresolvedReferenceException extends RuntimeException {
        UnresolvedReferenceException(String message) {
            super(message);
        }
    }
}

package dev.qcl;

import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** A sandbox tenant for a test, with its API key in a file and a home folder of its own. */
public final class TestTenant implements AutoCloseable {
    private final SandboxTenant sandbox;
    private final Path keyFile;
    private final Path home;

    private TestTenant(SandboxTenant sandbox, Path dir) {
        this.sandbox = sandbox;
        this.home = dir.resolve("home");
        this.keyFile = dir.resolve("api-key");
        try {
            Files.writeString(keyFile, sandbox.apiKey());
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestTenant start(Path dir) {
        return start(dir, SandboxSettings.defaults());
    }

    public static TestTenant start(Path dir, SandboxSettings settings) {
        return new TestTenant(SandboxTenant.start(settings), dir);
    }

    public SandboxTenant sandbox() {
        return sandbox;
    }

    public Path home() {
        return home;
    }

    public Path keyFile() {
        return keyFile;
    }

    /** Runs a qcl command against this tenant with this home. */
    public Qcl.Outcome qcl(String... args) {
        return Qcl.against(sandbox.url(), keyFile, home, args);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}

package dev.qcl;

import dev.qcl.sandbox.SandboxSettings;
import dev.qcl.sandbox.SandboxTenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * A sandbox tenant for a test, with its API key in a file, a home folder of its own and a job
 * repository database (H2 in the home folder unless a {@link TestDatabase.Kind} says otherwise).
 */
public final class TestTenant implements AutoCloseable {
    private final SandboxTenant sandbox;
    private final Path keyFile;
    private final Path home;
    private final TestDatabase database;

    private TestTenant(Supplier<SandboxTenant> starter, Path dir, TestDatabase.Kind kind) {
        this.home = dir.resolve("home");
        this.keyFile = dir.resolve("api-key");
        // the database first: a skipped PostgreSQL test then starts no sandbox
        this.database = TestDatabase.create(kind, home);
        this.sandbox = starter.get();
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
        return start(dir, settings, TestDatabase.Kind.H2);
    }

    public static TestTenant start(Path dir, TestDatabase.Kind database) {
        return start(dir, SandboxSettings.defaults(), database);
    }

    /** A tenant whose commands use a job repository of the given kind (a fresh one for PostgreSQL). */
    public static TestTenant start(Path dir, SandboxSettings settings, TestDatabase.Kind database) {
        return new TestTenant(() -> SandboxTenant.start(settings), dir, database);
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

    public TestDatabase database() {
        return database;
    }

    /** The stored results of every run, read from this tenant's job repository. */
    public List<ResultsTable.Row> results() {
        return ResultsTable.read(database);
    }

    /** Runs a qcl command against this tenant with this home and this job repository. */
    public Qcl.Outcome qcl(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(database.springArgs());
        return Qcl.against(sandbox.url(), keyFile, home, all.toArray(String[]::new));
    }

    /** Runs a command that runs the job with writes unpaced ({@code --rate-limit 60000}), for many-row tests. */
    public Qcl.Outcome qclUnpaced(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add("--rate-limit");
        all.add("60000");
        return qcl(all.toArray(String[]::new));
    }

    @Override
    public void close() {
        try {
            sandbox.close();
        } finally {
            database.close();
        }
    }
}

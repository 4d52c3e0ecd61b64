package dev.qcl.home;

import dev.qcl.settings.ConfigurationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One job at a time per home folder, and read-only commands beside it (contract section 7). A job
 * holds an exclusive lock on {@code <home>/qcl.lock} for as long as it runs and writes who it is
 * into the file; a second job is refused with that name. A read-only command holds a shared lock
 * while no job runs (a job starting meanwhile waits for it); while a job runs it goes without, and
 * waits until the job has opened the database, so that it joins the job's database server (H2's
 * AUTO_SERVER mode) rather than start one the job would then depend on. The operating system
 * releases the lock of a process that dies, so a killed run leaves no stale lock behind.
 */
public final class HomeFolderLock implements AutoCloseable {
    static final String FILE = "qcl.lock";
    /** The locked byte lies far beyond the text, so that the text can be read while it is locked. */
    private static final long REGION = 1L << 40;

    private static final Duration POLL = Duration.ofMillis(100);
    private static final String DATABASE = "database=";
    /** This JVM's own holders: the operating system does not tell one thread's lock from another's. */
    private static final Map<Path, Holder> IN_THIS_JVM = new ConcurrentHashMap<>();

    private enum Holder {
        JOB,
        READER
    }

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Holder holder;
    private final Clock clock;

    private HomeFolderLock(Path file, FileChannel channel, FileLock lock, Holder holder, Clock clock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.holder = holder;
        this.clock = clock;
    }

    /**
     * Takes the home folder for a job, waiting up to {@code readersWait} for read-only commands to end.
     *
     * @throws ConfigurationProblem when another job holds it, naming that process
     */
    public static HomeFolderLock forJob(Path home, String command, Duration readersWait, Clock clock) {
        Path file = lockFile(home);
        FileChannel channel = open(file);
        Instant deadline = clock.instant().plus(readersWait);
        while (true) {
            Holder here = IN_THIS_JVM.get(file);
            FileLock lock = here == null ? tryLock(channel, false) : null;
            if (lock != null) {
                if (IN_THIS_JVM.putIfAbsent(file, Holder.JOB) == null) {
                    HomeFolderLock taken = new HomeFolderLock(file, channel, lock, Holder.JOB, clock);
                    taken.describe("starting", command, "");
                    return taken;
                }
                release(lock);
            }
            if (here == Holder.JOB || (here == null && !heldOnlyShared(channel))) {
                close(channel);
                throw new ConfigurationProblem("the home folder " + home + " is in use by " + holderText(file)
                        + "; wait for it to end, or give this job another --home");
            }
            if (clock.instant().isAfter(deadline)) {
                close(channel);
                throw new ConfigurationProblem("the home folder " + home
                        + " is being read by another qcl command (status, report, specs list); try again");
            }
            pause();
        }
    }

    /** For a read-only command: a shared lock while no job runs, or none once the running job is ready. */
    public static HomeFolderLock forReading(Path home, Duration jobStartWait, Clock clock) {
        Path file = lockFile(home);
        FileChannel channel = open(file);
        Instant deadline = clock.instant().plus(jobStartWait);
        while (true) {
            Holder here = IN_THIS_JVM.get(file);
            if (here == Holder.READER) {
                // another command of this JVM reads already, under its shared lock
                return new HomeFolderLock(file, channel, null, null, clock);
            }
            if (here == null) {
                FileLock lock = tryLock(channel, true);
                if (lock != null) {
                    if (IN_THIS_JVM.putIfAbsent(file, Holder.READER) == null) {
                        return new HomeFolderLock(file, channel, lock, Holder.READER, clock);
                    }
                    release(lock);
                    continue;
                }
            }
            // a job holds the folder: read beside it once its database is open
            if (read(file).startsWith("ready ") || clock.instant().isAfter(deadline)) {
                return new HomeFolderLock(file, channel, null, null, clock);
            }
            pause();
        }
    }

    /** The job has opened the database: read-only commands may now join it, through {@code sharedUrl} if any. */
    public void ready(String command, Optional<String> sharedUrl) {
        describe("ready", command, sharedUrl.map(url -> " " + DATABASE + url).orElse(""));
    }

    /** For a read-only command beside a running job: where to reach the job's database, if it shares one. */
    public Optional<String> jobDatabase() {
        if (lock != null) {
            return Optional.empty();
        }
        String text = read(file);
        int at = text.indexOf(DATABASE);
        return at < 0
                ? Optional.empty()
                : Optional.of(text.substring(at + DATABASE.length()).strip());
    }

    @Override
    public void close() {
        if (lock != null) {
            if (holder == Holder.JOB) {
                write("");
            }
            IN_THIS_JVM.remove(file, holder);
            release(lock);
        }
        close(channel);
    }

    private void describe(String state, String command, String database) {
        write(state + " process " + ProcessHandle.current().pid() + " on host " + ThisProcess.host() + " (qcl "
                + command + ", since " + clock.instant().truncatedTo(ChronoUnit.SECONDS) + ")" + database);
    }

    private void write(String text) {
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static String holderText(Path file) {
        String text = read(file);
        int database = text.indexOf(DATABASE);
        text = database < 0 ? text : text.substring(0, database).strip();
        int space = text.indexOf(' ');
        return space < 0 ? "another qcl job" : text.substring(space + 1);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    /** Whether only read-only commands hold the lock: then a shared lock can be had. */
    private static boolean heldOnlyShared(FileChannel channel) {
        FileLock shared = tryLock(channel, true);
        if (shared == null) {
            return false;
        }
        release(shared);
        return true;
    }

    private static FileLock tryLock(FileChannel channel, boolean shared) {
        try {
            return channel.tryLock(REGION, 1, shared);
        } catch (OverlappingFileLockException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the home folder", e);
        }
    }

    private static Path lockFile(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new ConfigurationProblem("the home folder " + home + " cannot be created: " + e.getMessage());
        }
        return home.toAbsolutePath().normalize().resolve(FILE);
    }

    private static FileChannel open(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new ConfigurationProblem("the home folder lock " + file + " cannot be opened: " + e.getMessage());
        }
    }

    private static void release(FileLock lock) {
        try {
            lock.release();
        } catch (IOException e) {
            // the lock goes with the channel anyway
        }
    }

    private static void close(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing held any more
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationProblem("interrupted while waiting for the home folder");
        }
    }
}

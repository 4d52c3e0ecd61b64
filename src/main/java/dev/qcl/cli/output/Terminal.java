package dev.qcl.cli.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal, so that escape codes (the progress bar, the help's
 * colours) go only there and never into a file, a pipe, cron mail or a CI log.
 */
public final class Terminal {
    private Terminal() {}

    /** Standard output and standard error are both terminals. */
    public static boolean interactive() {
        return isTerminal(1) && isTerminal(2);
    }

    /** Standard error is a terminal. */
    public static boolean standardError() {
        return isTerminal(2);
    }

    private static boolean isTerminal(int fd) {
        // Java 17's System.console() only says that standard input and output are terminals
        if (System.console() == null || "dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        Path link = Path.of("/proc/self/fd/" + fd);
        if (!Files.exists(Path.of("/proc/self/fd"))) {
            // no /proc (macOS): standard error usually goes where standard output goes
            return true;
        }
        try {
            String target = Files.readSymbolicLink(link).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}

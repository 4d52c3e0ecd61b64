package dev.qcl.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.OnConsoleStatusListener;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.LoggerFactory;

/**
 * Logback's own trouble, such as a log file that cannot be written, in at most one line on standard
 * error. Spring Boot's console status listener, which this replaces once logging is set up, prints
 * each such status with its stack trace, hundreds of lines on a full disk. A full disk is not said
 * here at all: the command's own failure names it, with the folder.
 */
final class LogFileTrouble implements StatusListener {
    private final AtomicBoolean told = new AtomicBoolean();

    private LogFileTrouble() {}

    /** Replaces the console status listeners of the logging context (set up anew by every command). */
    static void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        StatusManager statuses = context.getStatusManager();
        for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
            if (listener instanceof OnConsoleStatusListener || listener instanceof LogFileTrouble) {
                statuses.remove(listener);
            }
        }
        statuses.add(new LogFileTrouble());
    }

    @Override
    public void addStatusEvent(Status status) {
        if (status.getLevel() < Status.ERROR) {
            return;
        }
        Throwable cause = status.getThrowable();
        if (cause != null && StorageFailures.noSpace(cause)) {
            return;
        }
        if (told.compareAndSet(false, true)) {
            System.err.println("qcl: logging: "
                    + status.getMessage().lines().findFirst().orElse("").strip()
                    + (cause == null ? "" : " (" + QclCommandLine.oneLine(cause) + ")"));
        }
    }
}

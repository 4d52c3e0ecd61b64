package dev.qcl;

import dev.qcl.cli.QclCommandLine;
import java.time.Duration;
import java.util.List;

/**
 * qcl: creates Qlik Cloud analytics data connections from a spreadsheet. The entry point: runs the
 * command line (which starts a Spring context per command, {@code cli.QclContext}) and ends the JVM
 * with its exit code.
 */
public final class QclApplication {
    private QclApplication() {}

    public static void main(String[] args) {
        int exitCode = QclCommandLine.execute(args);
        stopHttpSelectors(Duration.ofMillis(200));
        System.exit(exitCode);
    }

    /**
     * Ends the selector threads of the JDK's HTTP clients, which wait in epoll for a connection that
     * will not come: at exit, Java 17 waits 300 ms for every thread in native code to come back, a
     * third of a second added to every command, and Java 17's client has no close(). Its selector
     * thread ends when interrupted. Call only when every command is done: any client left is unusable.
     */
    static void stopHttpSelectors(Duration wait) {
        List<Thread> selectors = Thread.getAllStackTraces().keySet().stream()
                .filter(t ->
                        t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .toList();
        selectors.forEach(Thread::interrupt);
        for (Thread selector : selectors) {
            try {
                selector.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

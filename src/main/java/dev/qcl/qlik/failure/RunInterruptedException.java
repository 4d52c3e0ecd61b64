package dev.qcl.qlik.failure;

/**
 * The run is being stopped (Ctrl-C, SIGTERM) while a call waited for its pace, a pause or a backoff;
 * or the thread was interrupted. The run ends STOPPED and can be restarted.
 */
public class RunInterruptedException extends RunStoppingException {
    private RunInterruptedException(String message, int attempts, Throwable cause) {
        super(message, 0, attempts, cause);
    }

    public static RunInterruptedException of(String subject, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new RunInterruptedException("Interrupted while waiting to send " + subject, 0, cause);
    }

    public static RunInterruptedException stopRequested(String subject, int attempts) {
        return new RunInterruptedException("The run is stopping; " + subject + " was not sent", attempts, null);
    }

    /** The run is stopping and {@code subject} was never handed to the tenant. */
    public static RunInterruptedException notSent(String subject) {
        return stopRequested(subject, 0);
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.STOPPED;
    }
}

package dev.qcl.qlik;

/** The thread was interrupted while waiting (pace, pause or backoff), e.g. because the run is being stopped. */
public class RunInterruptedException extends RunStoppingException {
    private RunInterruptedException(String message, int attempts, Throwable cause) {
        super(message, 0, attempts, cause);
    }

    static RunInterruptedException of(String subject, InterruptedException cause) {
        Thread.currentThread().interrupt();
        return new RunInterruptedException("Interrupted while waiting to send " + subject, 0, cause);
    }

    @Override
    public RunStatus runStatus() {
        return RunStatus.STOPPED;
    }
}

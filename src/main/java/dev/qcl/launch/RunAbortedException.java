package dev.qcl.launch;

/**
 * The job repository or the job machinery failed while a run was going (not a row, not the tenant):
 * the run exists, did not complete, and can be restarted. Exit code 3.
 */
public final class RunAbortedException extends RuntimeException {
    RunAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}

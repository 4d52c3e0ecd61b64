package dev.qcl.cli;

/** The exit codes of contract section 7. */
final class ExitCode {
    /** The run completed and every row is CREATED, UPDATED or SKIPPED (validate: every row is valid). */
    static final int OK = 0;
    /** The run completed but at least one row is INVALID or FAILED. */
    static final int ROWS_FAILED = 1;
    /** Usage or configuration error; nothing was sent. */
    static final int USAGE = 2;
    /** The run FAILED or was STOPPED; it can be restarted. */
    static final int RUN_FAILED = 3;
    /** {@code diff} only: the sheet and the tenant differ (something would be created, updated or deleted). */
    static final int DIFFERENT = 4;

    private ExitCode() {}
}

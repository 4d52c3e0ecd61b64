package dev.qcl.batch;

/**
 * The final result of a row. A run records the first five; a dry run ({@code validate}) records the
 * planned action instead.
 */
public enum RowStatus {
    CREATED,
    UPDATED,
    SKIPPED,
    INVALID,
    FAILED,
    CREATE,
    UPDATE,
    SKIP,
    FAIL;

    /** Whether the row needs attention: it is in failed.csv and makes the exit code 1. */
    public boolean isProblem() {
        return this == INVALID || this == FAILED || this == FAIL;
    }

    /** Rows a {@code rerun-failed} takes again. */
    public boolean isRerunnable() {
        return this == INVALID || this == FAILED;
    }
}

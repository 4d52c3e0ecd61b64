package dev.qcl.results;

/**
 * The final result of a row. A run records the first five; a dry run ({@code validate}) records the
 * planned action instead. {@code DELETED} and {@code DELETE} are connections that {@code --prune}
 * removes (or would remove); they belong to no input row.
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
    FAIL,
    DELETED,
    DELETE;

    /** Whether the row needs attention: it is in failed.csv and makes the exit code 1. */
    public boolean isProblem() {
        return this == INVALID || this == FAILED || this == FAIL;
    }

    /** A connection removed (or, in a dry run, to be removed) by {@code --prune}, not an input row. */
    public boolean isDeletion() {
        return this == DELETED || this == DELETE;
    }

    /** Rows a {@code rerun-failed} takes again. */
    public boolean isRerunnable() {
        return this == INVALID || this == FAILED;
    }
}

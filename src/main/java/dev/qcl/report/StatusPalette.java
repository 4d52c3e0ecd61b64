package dev.qcl.report;

import dev.qcl.results.RowStatus;

/** The colours of report.html: green for created and updated, grey skipped, amber invalid, red failed. */
final class StatusPalette {
    /** A colour in three strengths: a chart fill, readable text, and a light background. */
    record Tone(String fill, String ink, String tint) {}

    private static final Tone CREATED = new Tone("#1f8a4c", "#166a3a", "#e2f3e8");
    private static final Tone UPDATED = new Tone("#6cc08b", "#2f7a4b", "#ebf7ef");
    private static final Tone SKIPPED = new Tone("#a0a8b3", "#4b5563", "#eef0f3");
    private static final Tone INVALID = new Tone("#e3a008", "#8a5a00", "#fdf3d8");
    private static final Tone FAILED = new Tone("#d64545", "#a32020", "#fbe6e6");
    private static final Tone DELETED = new Tone("#7c3aed", "#5b21b6", "#efe7fd");
    private static final Tone RUNNING = new Tone("#3b82f6", "#1d4ed8", "#e6effe");

    private StatusPalette() {}

    static Tone of(RowStatus status) {
        return switch (status) {
            case CREATED, CREATE -> CREATED;
            case UPDATED, UPDATE -> UPDATED;
            case SKIPPED, SKIP -> SKIPPED;
            case INVALID -> INVALID;
            case FAILED, FAIL -> FAILED;
            case DELETED, DELETE -> DELETED;
        };
    }

    /** The tone of a run's status: COMPLETED, FAILED, STOPPED, or anything else (still running). */
    static Tone ofRun(String runStatus) {
        if (runStatus == null) {
            return RUNNING;
        }
        return switch (runStatus) {
            case "COMPLETED" -> CREATED;
            case "FAILED" -> FAILED;
            case "STOPPED" -> INVALID;
            default -> RUNNING;
        };
    }
}

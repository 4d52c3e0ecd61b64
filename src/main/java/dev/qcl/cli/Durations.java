package dev.qcl.cli;

/** Durations for people: "850 ms", "4.2 s", "3 min 5 s", "1 h 2 min". */
final class Durations {
    private Durations() {}

    static String format(long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 3600) {
            return (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
    }

    /** The least time {@code writes} take at {@code perMinute}: the quota, not the threads, bounds a run. */
    static String estimate(long writes, int perMinute) {
        if (writes == 0) {
            return "no time";
        }
        long millis = Math.round(writes * 60_000.0 / perMinute);
        return "~" + format(millis);
    }
}

package dev.qcl.cli.output;

/** Durations for people: "850 ms", "4.2 s", "3 min 5 s", "1 h 2 min". */
public final class Durations {
    private Durations() {}

    public static String format(long millis) {
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

    /**
     * The least time {@code writes} take when {@code perMinute} is averaged over {@code window}: a
     * fresh window takes rate x window writes at once (as fast as the tenant answers), each further
     * window-full waits for the window to free: "~5 min" for 1,000 writes at 100/min over 5 min.
     */
    public static String estimate(long writes, int perMinute, java.time.Duration window) {
        if (writes == 0) {
            return "no time";
        }
        long perWindow = windowCapacity(perMinute, window);
        if (writes <= perWindow) {
            return "seconds on a fresh window (it takes " + perWindow + " at once)";
        }
        long windows = (writes + perWindow - 1) / perWindow - 1;
        return "~" + format(windows * window.toMillis()) + " (" + perWindow + " at once on a fresh window, then "
                + perWindow + " per " + format(window.toMillis()) + ")";
    }

    /** Writes a window holds: the rate times the window, at least one. */
    static long windowCapacity(int perMinute, java.time.Duration window) {
        return Math.max(1, (long) Math.floor(perMinute * (window.toMillis() / 60_000.0)));
    }
}

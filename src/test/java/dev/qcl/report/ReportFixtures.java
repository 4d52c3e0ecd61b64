package dev.qcl.report;

import dev.qcl.launch.RunInfo;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.results.TimelineSample;
import dev.qcl.run.OnExisting;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Runs, rows and timelines for the report tests, built directly (no database). */
final class ReportFixtures {
    static final Instant START = Instant.parse("2025-03-14T09:30:00Z");

    private ReportFixtures() {}

    static RunInfo run(Map<RowStatus, Long> counts) {
        return run(counts, false, "nightly load");
    }

    static RunInfo run(Map<RowStatus, Long> counts, boolean dryRun, String label) {
        return new RunInfo(
                42L,
                label,
                "/data/connections.csv",
                "ab12",
                dryRun,
                OnExisting.SKIP,
                null,
                "COMPLETED",
                "",
                START,
                START.plusSeconds(300),
                300_000L,
                1,
                7L,
                new RunInfo.HttpTotals(1_320, 18, 25, 41_000),
                counts);
    }

    /** 1,200 rows: mostly created, some of every other status. */
    static Map<RowStatus, Long> runCounts() {
        Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
        counts.put(RowStatus.CREATED, 1_090L);
        counts.put(RowStatus.UPDATED, 45L);
        counts.put(RowStatus.SKIPPED, 30L);
        counts.put(RowStatus.INVALID, 23L);
        counts.put(RowStatus.FAILED, 12L);
        return counts;
    }

    static Map<RowStatus, Long> plannedCounts() {
        return Map.of(
                RowStatus.CREATE,
                70L,
                RowStatus.UPDATE,
                5L,
                RowStatus.SKIP,
                20L,
                RowStatus.FAIL,
                3L,
                RowStatus.INVALID,
                2L);
    }

    /** A sample every 5 s for 5 minutes: a ramp, a plateau with 429s, a slower end. */
    static List<TimelineSample> timeline() {
        List<TimelineSample> samples = new ArrayList<>();
        long rows = 0;
        long throttled = 0;
        for (int i = 0; i <= 60; i++) {
            samples.add(new TimelineSample(START.plusSeconds(5L * i), rows, throttled));
            rows += i < 10 ? 5 + 2L * i : i < 45 ? 22 + (i % 4) : 12 + (i % 3);
            throttled += i >= 18 && i < 30 && i % 3 == 0 ? 1 + (i % 2) * 2 : 0;
        }
        return samples;
    }

    static RowResult failed(int row, String qName, String message) {
        return new RowResult(
                row, qName, "5f3a9b2c1d0e4f7a8b6c5d4e", "PostgreSQL", RowStatus.FAILED, "", 400, 1, message);
    }

    static RowResult invalid(int row, String qName, String message) {
        return new RowResult(row, qName, "", "snowflake", RowStatus.INVALID, "", null, 0, message);
    }

    static List<Map.Entry<String, Long>> topMessages() {
        return List.of(
                Map.entry("column 'port': 'abc' is not an integer", 11L),
                Map.entry("space 'Finance' not found; did you mean 'finance'?", 8L),
                Map.entry("tenant answered 400: connection string is invalid", 7L),
                Map.entry("column 'host' is required", 4L));
    }
}

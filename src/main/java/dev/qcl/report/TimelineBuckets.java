package dev.qcl.report;

import dev.qcl.results.TimelineSample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The intervals between a run's timeline samples, merged into at most a given number of buckets so
 * that a long run still draws bars a person can see. Bucket times are offsets from the first sample.
 */
final class TimelineBuckets {
    /** Rows and 429 answers between two samples; a run restarted later shows its pause as one slow bucket. */
    record Bucket(long fromMs, long toMs, long rows, long throttled) {
        double rowsPerSecond() {
            return toMs > fromMs ? rows * 1000.0 / (toMs - fromMs) : 0;
        }
    }

    private TimelineBuckets() {}

    /** Whether the samples span any time at all: two or more, not all at one instant. */
    static boolean drawable(List<TimelineSample> samples) {
        return samples.size() >= 2
                && samples.stream().map(TimelineSample::at).distinct().limit(2).count() == 2;
    }

    static List<Bucket> of(List<TimelineSample> samples, int maxBuckets) {
        List<TimelineSample> sorted = samples.stream()
                .sorted(Comparator.comparing(TimelineSample::at))
                .toList();
        int intervals = sorted.size() - 1;
        int perBucket = Math.max(1, (intervals + maxBuckets - 1) / maxBuckets);
        long origin = sorted.get(0).at().toEpochMilli();
        List<Bucket> buckets = new ArrayList<>();
        for (int from = 0; from < intervals; from += perBucket) {
            TimelineSample first = sorted.get(from);
            TimelineSample last = sorted.get(Math.min(from + perBucket, intervals));
            buckets.add(new Bucket(
                    first.at().toEpochMilli() - origin,
                    last.at().toEpochMilli() - origin,
                    // counters only grow; a dip would be a sampling artefact, not negative work
                    Math.max(0, last.rowsDone() - first.rowsDone()),
                    Math.max(0, last.throttled() - first.throttled())));
        }
        return buckets;
    }
}

package dev.qcl.run;

import dev.qcl.results.RowStatus;

/** Run progress as a run would have made it, for tests of what shows it. */
public final class ProgressFixtures {
    private ProgressFixtures() {}

    /** {@code total} rows expected, {@code done} of them CREATED. */
    public static RunProgress of(long total, long done) {
        RunProgress progress = new RunProgress();
        progress.expect(total);
        for (long i = 0; i < done; i++) {
            progress.record(RowStatus.CREATED);
        }
        return progress;
    }
}

package dev.qcl.sandbox;

import java.util.Random;

/** Seeded random decisions for the emulated faults, so a sequential run fails the same way every time. */
final class FaultDice {

    private final Random random;
    private final double failureRate503;
    private final double dropAfterCommitRate;

    FaultDice(long seed, double failureRate503, double dropAfterCommitRate) {
        this.random = new Random(seed);
        this.failureRate503 = failureRate503;
        this.dropAfterCommitRate = dropAfterCommitRate;
    }

    synchronized boolean answer503() {
        return failureRate503 > 0 && random.nextDouble() < failureRate503;
    }

    synchronized boolean dropAfterCommit() {
        return dropAfterCommitRate > 0 && random.nextDouble() < dropAfterCommitRate;
    }
}

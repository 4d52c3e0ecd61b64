package dev.qcl.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox tenant listens and which real-tenant misbehaviour it emulates.
 *
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param apiKey the only bearer token accepted
 * @param writeQuotaPerMinute writes (POST/PATCH/PUT/DELETE) allowed in any quota window (per minute with
 *     the default 60 s window); 0 means no quota
 * @param latency delay added to every response
 * @param failureRate503 fraction of writes answered 503 without being applied
 * @param dropAfterCommitRate fraction of creates that are stored, then answered by resetting the connection
 * @param randomSeed seed of the fault dice, so a run is repeatable
 * @param writeQuotaWindow the sliding window of the write quota (Qlik's is 5 minutes), default 60 s
 * @param otherClientShare share of the write quota that another client of the same user spends,
 *     evenly over each window, from before the sandbox started (0: none)
 * @param otherClientBurst writes that another client of the same user sends at once every {@code
 *     otherClientEvery}, from the sandbox's start (0: none)
 * @param otherClientEvery how often that other client sends its burst
 */
public record SandboxSettings(
        int port,
        String apiKey,
        int writeQuotaPerMinute,
        Duration latency,
        double failureRate503,
        double dropAfterCommitRate,
        long randomSeed,
        Duration writeQuotaWindow,
        double otherClientShare,
        int otherClientBurst,
        Duration otherClientEvery) {

    public SandboxSettings {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        if (writeQuotaPerMinute < 0) {
            throw new IllegalArgumentException("writeQuotaPerMinute must be >= 0, was " + writeQuotaPerMinute);
        }
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        requireFraction("failureRate503", failureRate503);
        requireFraction("dropAfterCommitRate", dropAfterCommitRate);
        Objects.requireNonNull(writeQuotaWindow, "writeQuotaWindow");
        if (writeQuotaWindow.toMillis() < 1) {
            throw new IllegalArgumentException("writeQuotaWindow must be positive, was " + writeQuotaWindow);
        }
        requireFraction("otherClientShare", otherClientShare);
        if (otherClientBurst < 0) {
            throw new IllegalArgumentException("otherClientBurst must be >= 0, was " + otherClientBurst);
        }
        Objects.requireNonNull(otherClientEvery, "otherClientEvery");
        if (otherClientEvery.toMillis() < 1) {
            throw new IllegalArgumentException("otherClientEvery must be positive, was " + otherClientEvery);
        }
    }

    /**
     * Free port, key {@code sandbox-api-key}, no quota (60 s window when set), no latency, no faults, seed 42,
     * no other client.
     */
    public static SandboxSettings defaults() {
        return new SandboxSettings(
                0,
                "sandbox-api-key",
                0,
                Duration.ZERO,
                0.0,
                0.0,
                42L,
                Duration.ofSeconds(60),
                0.0,
                0,
                Duration.ofSeconds(60));
    }

    public SandboxSettings withPort(int port) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withApiKey(String apiKey) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withWriteQuotaPerMinute(int writeQuotaPerMinute) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withLatency(Duration latency) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withFailureRate503(double failureRate503) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withDropAfterCommitRate(double dropAfterCommitRate) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withRandomSeed(long randomSeed) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    /** {@code writes} allowed in any {@code window}, for example 500 per 5 minutes like Qlik's tier 2. */
    public SandboxSettings withWriteQuota(int writes, Duration window) {
        return new SandboxSettings(
                port,
                apiKey,
                writes,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                window,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    public SandboxSettings withOtherClientShare(double otherClientShare) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                otherClientBurst,
                otherClientEvery);
    }

    /** Another client of the same user sends {@code burst} writes at once every {@code every} (0: none). */
    public SandboxSettings withOtherClientBursts(int burst, Duration every) {
        return new SandboxSettings(
                port,
                apiKey,
                writeQuotaPerMinute,
                latency,
                failureRate503,
                dropAfterCommitRate,
                randomSeed,
                writeQuotaWindow,
                otherClientShare,
                burst,
                every);
    }

    /** The API key is a secret: never printed. */
    @Override
    public String toString() {
        return "SandboxSettings[port=" + port + ", apiKey=****, writeQuotaPerMinute=" + writeQuotaPerMinute
                + ", latency=" + latency + ", failureRate503=" + failureRate503
                + ", dropAfterCommitRate=" + dropAfterCommitRate + ", randomSeed=" + randomSeed
                + ", writeQuotaWindow=" + writeQuotaWindow + ", otherClientShare=" + otherClientShare
                + ", otherClientBurst=" + otherClientBurst + ", otherClientEvery=" + otherClientEvery + "]";
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(name + " must be a fraction in 0..1, was " + value);
        }
    }
}

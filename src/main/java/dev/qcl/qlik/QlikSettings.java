package dev.qcl.qlik;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach the tenant and how hard to push it. HTTPS is required except for loopback hosts;
 * the identity's secrets are masked in {@link #toString()}.
 *
 * @param tenantUrl for example {@code https://acme.eu.qlikcloud.com}
 * @param identity the API key or OAuth client qcl runs as
 * @param basePath API prefix, default {@code /api/v1}
 * @param writesPerMinute tier-2 rate (create, update, delete) averaged over {@code window}, default 100
 * @param readsPerMinute tier-1 rate (GETs) averaged over {@code window}, default 1,000
 * @param maxAttempts attempts per call including the first, default 6; 429s do not count
 * @param maxTimePerRow time after which a call stops retrying, 429 pauses included, default 10 min
 * @param maxThrottleWait a longer {@code Retry-After} stops the run, default 5 min
 * @param window the quota window both rates are averaged over, default 5 min: a window may hold
 *     rate x window calls, at once if they come at once
 * @param maxListingPages pages of 100 items one listing may take before it is refused as endless, default 1,000
 */
public record QlikSettings(
        URI tenantUrl,
        Identity identity,
        String basePath,
        Duration connectTimeout,
        Duration readTimeout,
        int writesPerMinute,
        int readsPerMinute,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration maxTimePerRow,
        Duration maxThrottleWait,
        Duration window,
        int maxListingPages) {

    public static final String DEFAULT_BASE_PATH = "/api/v1";
    /** 100,000 items per listing: far more connections than a space holds, far fewer calls than a loop makes. */
    public static final int DEFAULT_MAX_LISTING_PAGES = 1_000;

    private static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public QlikSettings {
        Objects.requireNonNull(tenantUrl, "tenantUrl");
        requireHttpsUnlessLoopback(tenantUrl);
        Objects.requireNonNull(identity, "identity");
        basePath = normaliseBasePath(basePath);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requireAtLeastOne(writesPerMinute, "writesPerMinute");
        requireAtLeastOne(readsPerMinute, "readsPerMinute");
        requireAtLeastOne(maxAttempts, "maxAttempts");
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be shorter than initialBackoff");
        }
        requirePositive(maxTimePerRow, "maxTimePerRow");
        requirePositive(maxThrottleWait, "maxThrottleWait");
        requirePositive(window, "window");
        requireAtLeastOne(maxListingPages, "maxListingPages");
    }

    /** With the default bound on a listing's pages. */
    public QlikSettings(
            URI tenantUrl,
            Identity identity,
            String basePath,
            Duration connectTimeout,
            Duration readTimeout,
            int writesPerMinute,
            int readsPerMinute,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration maxTimePerRow,
            Duration maxThrottleWait,
            Duration window) {
        this(
                tenantUrl,
                identity,
                basePath,
                connectTimeout,
                readTimeout,
                writesPerMinute,
                readsPerMinute,
                maxAttempts,
                initialBackoff,
                maxBackoff,
                maxTimePerRow,
                maxThrottleWait,
                window,
                DEFAULT_MAX_LISTING_PAGES);
    }

    /** The API root every path is resolved against, without a trailing slash. */
    URI apiRoot() {
        String tenant = tenantUrl.toString().replaceAll("/+$", "");
        return URI.create(tenant + basePath);
    }

    @Override
    public String toString() {
        return "QlikSettings[tenantUrl=" + tenantUrl + ", identity=" + identity + ", basePath=" + basePath
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", writesPerMinute=" + writesPerMinute + ", readsPerMinute=" + readsPerMinute
                + ", maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff
                + ", maxBackoff=" + maxBackoff + ", maxTimePerRow=" + maxTimePerRow
                + ", maxThrottleWait=" + maxThrottleWait + ", window=" + window
                + ", maxListingPages=" + maxListingPages + "]";
    }

    private static void requireHttpsUnlessLoopback(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("tenantUrl must be an absolute https URL, got " + url);
        }
        if (scheme.equals("http") && !LOOPBACK_HOSTS.contains(host)) {
            throw new IllegalArgumentException("tenantUrl must use https (http only for loopback hosts), got " + url);
        }
    }

    private static String normaliseBasePath(String basePath) {
        if (basePath == null || basePath.isBlank()) {
            return DEFAULT_BASE_PATH;
        }
        String trimmed = basePath.strip().replaceAll("/+$", "");
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }

    private static void requireAtLeastOne(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
    }
}

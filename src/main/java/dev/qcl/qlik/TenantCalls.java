package dev.qcl.qlik;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a call: waits for the tier's pace, sends, and on a 429 pauses the whole tier and
 * sends again (a pacing signal, not an attempt). Returns any other response except 401 (thrown)
 * and 502/503/504 (thrown as transient); the caller decides what its statuses mean.
 */
final class TenantCalls {
    /** The two rate tiers of the tenant. */
    enum Tier {
        READ,
        WRITE
    }

    private final QlikSettings settings;
    private final TenantHttp http;
    private final RatePacer reads;
    private final RatePacer writes;
    private final HttpStats stats;
    private final Clock clock;
    private final JsonMapper jsonMapper;

    TenantCalls(QlikSettings settings, TenantHttp http, RatePacer reads, RatePacer writes, HttpStats stats,
            Clock clock, JsonMapper jsonMapper) {
        this.settings = settings;
        this.http = http;
        this.reads = reads;
        this.writes = writes;
        this.stats = stats;
        this.clock = clock;
        this.jsonMapper = jsonMapper;
    }

    RawResponse exchange(Tier tier, HttpMethod method, URI uri, Object body, Call call, RetryPolicy.Attempt attempt) {
        RatePacer pacer = tier == Tier.READ ? reads : writes;
        while (true) {
            try {
                pacer.acquire();
            } catch (InterruptedException e) {
                throw RunInterruptedException.of(call.subject(), e);
            }
            RawResponse response = http.send(method, uri, body, call.masker());
            if (response.status() == 429) {
                pauseTier(pacer, response, call, attempt);
                continue;
            }
            if (response.status() == 401) {
                throw UnauthorizedException.of(call.subject(), tenantMessage(response, call), attempt.number());
            }
            if (RetryPolicy.isTransientStatus(response.status())) {
                throw TransientFailure.status(response.status(), tenantMessage(response, call));
            }
            return response;
        }
    }

    RejectedException rejected(RawResponse response, Call call, int attempts) {
        return RejectedException.byTenant(call.subject(), response.status(), tenantMessage(response, call), attempts);
    }

    <T> T read(RawResponse response, Class<T> type, Call call, int attempts) {
        try {
            return jsonMapper.readValue(response.body(), type);
        } catch (JacksonException e) {
            throw RejectedException.unreadable(call.subject(), response.status(), attempts);
        }
    }

    /** The tenant's {@code errors[0]} title and detail, masked; never the raw body, which may echo a request. */
    String tenantMessage(RawResponse response, Call call) {
        return call.masker().mask(TenantErrors.describe(response, jsonMapper));
    }

    private void pauseTier(RatePacer pacer, RawResponse response, Call call, RetryPolicy.Attempt attempt) {
        Duration retryAfter = retryAfter(response.retryAfter());
        Duration added = pacer.pauseAll(retryAfter);
        stats.recordThrottled(added.toMillis());
        if (retryAfter.compareTo(settings.maxThrottleWait()) > 0) {
            throw ThrottleWaitTooLongException.of(
                    pacer.tier(), call.subject(), retryAfter, settings.maxThrottleWait(), attempt.number());
        }
        if (clock.instant().plus(retryAfter).isAfter(attempt.deadline())) {
            throw RejectedException.stillThrottled(call.subject(), attempt.number());
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; missing or unreadable means the initial backoff. */
    private Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return settings.initialBackoff();
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration until = Duration.between(clock.instant(), at);
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException notDate) {
                return settings.initialBackoff();
            }
        }
    }

    /** What a call is about (for messages) and which secrets to mask in them. */
    record Call(String subject, SecretMasker masker) {
        Call {
            subject = masker.mask(subject);
        }
    }
}

package dev.qcl.qlik;

import dev.qcl.qlik.failure.RejectedException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpMethod;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt of a call: asks the tier's {@link WritePolicy} before every request, sends, and on a
 * 429 tells the policy (which pauses the whole tier) and sends again (a pacing signal, not an
 * attempt). Returns any other response except 401 (thrown) and 502/503/504 (thrown as transient);
 * the caller decides what its statuses mean.
 */
final class TenantCalls {
    /** The two rate tiers of the tenant. */
    enum Tier {
        READ,
        WRITE
    }

    private final QlikSettings settings;
    private final TenantHttp http;
    private final WritePolicy reads;
    private final WritePolicy writes;
    private final Clock clock;
    private final JsonMapper jsonMapper;

    TenantCalls(
            QlikSettings settings,
            TenantHttp http,
            WritePolicy reads,
            WritePolicy writes,
            Clock clock,
            JsonMapper jsonMapper) {
        this.settings = settings;
        this.http = http;
        this.reads = reads;
        this.writes = writes;
        this.clock = clock;
        this.jsonMapper = jsonMapper;
    }

    RawResponse exchange(Tier tier, HttpMethod method, URI uri, Object body, Call call, WritePolicy.Attempt attempt) {
        WritePolicy policy = tier == Tier.READ ? reads : writes;
        boolean renewed = false;
        while (true) {
            Instant sentAt = policy.acquire(call.subject(), attempt);
            RawResponse response;
            try {
                response = http.send(method, uri, body, call.masker());
            } catch (TransientFailure failure) {
                if (failure.kind() == TransientFailure.Kind.NOT_SENT) {
                    policy.notSent(sentAt);
                } else {
                    policy.answered(sentAt);
                }
                throw failure;
            } catch (RuntimeException e) {
                policy.answered(sentAt);
                throw e;
            }
            if (response.status() == 429) {
                Duration retryAfter =
                        RetryAfter.parse(response.retryAfter(), clock.instant(), settings.initialBackoff());
                policy.throttled(sentAt, retryAfter, call.subject(), attempt.number());
                continue;
            }
            policy.answered(sentAt);
            if (response.status() == 401) {
                if (!renewed && http.tokens().renewable()) {
                    // an OAuth token may have been revoked or expired early: once more with a new one
                    renewed = true;
                    continue;
                }
                throw UnauthorizedException.of(
                        http.tokens().identity(), call.subject(), tenantMessage(response, call), attempt.number());
            }
            if (WritePolicy.isTransientStatus(response.status())) {
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

    /** What a call is about (for messages) and which secrets to mask in them. */
    record Call(String subject, SecretMasker masker) {
        Call {
            subject = masker.mask(subject);
        }
    }
}

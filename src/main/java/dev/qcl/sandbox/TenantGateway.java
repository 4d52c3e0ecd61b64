package dev.qcl.sandbox;

import com.github.tomakehurst.wiremock.http.Request;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;

/** The tenant's front door: counts, authenticates, rate-limits and fault-injects, then routes the call. */
final class TenantGateway {

    private static final Set<String> WRITES = Set.of("POST", "PATCH", "PUT", "DELETE");

    /** The reply, or that the connection is to be reset after the write was applied. */
    record Outcome(Reply reply, boolean dropConnection) {}

    private final byte[] expectedAuthorization;
    private final WriteQuota quota;
    private final FaultDice dice;
    private final ApiRouter router;
    private final TrafficCounters counters;
    private final SandboxOAuth oauth;
    private final ReadQuota readQuota;

    TenantGateway(
            String apiKey,
            WriteQuota quota,
            FaultDice dice,
            ApiRouter router,
            TrafficCounters counters,
            SandboxOAuth oauth,
            ReadQuota readQuota) {
        this.readQuota = readQuota;
        this.expectedAuthorization = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
        this.oauth = oauth;
        this.quota = quota;
        this.dice = dice;
        this.router = router;
        this.counters = counters;
    }

    Outcome handle(Request request) {
        String method = request.getMethod().getName();
        if (method.equals("POST")
                && SandboxOAuth.TOKEN_PATH.equals(request.getUrl().replaceAll("\\?.*$", ""))) {
            // the token endpoint needs no bearer token and is not an API write
            try {
                return new Outcome(oauth.token(request.getBodyAsString()), false);
            } catch (SandboxApiException e) {
                return new Outcome(Reply.error(e), false);
            }
        }
        boolean write = WRITES.contains(method);
        if (write) {
            counters.writes.incrementAndGet();
        }
        if (method.equals("POST")) {
            counters.creates.incrementAndGet();
        }
        try {
            requireApiKey(request);
            if (!write) {
                counters.reads.incrementAndGet();
                WriteQuota.Decision decision = readQuota.tryAcquire();
                if (!decision.admitted()) {
                    counters.throttled.incrementAndGet();
                    var error = SandboxApiException.rateLimited(decision.retryAfterSeconds());
                    return new Outcome(
                            Reply.error(error, Map.of("Retry-After", Long.toString(decision.retryAfterSeconds()))),
                            false);
                }
            }
            if (write) {
                WriteQuota.Decision decision = quota.tryAcquire();
                if (!decision.admitted()) {
                    counters.throttled.incrementAndGet();
                    var error = SandboxApiException.rateLimited(decision.retryAfterSeconds());
                    return new Outcome(
                            Reply.error(error, Map.of("Retry-After", Long.toString(decision.retryAfterSeconds()))),
                            false);
                }
                if (dice.answer503()) {
                    throw SandboxApiException.unavailable("The service is temporarily unavailable, try again later");
                }
            }
            Reply reply = router.route(ApiCall.of(request));
            boolean drop = method.equals("POST") && reply.status() == 201 && dice.dropAfterCommit();
            return new Outcome(reply, drop);
        } catch (SandboxApiException e) {
            return new Outcome(Reply.error(e), false);
        }
    }

    private void requireApiKey(Request request) {
        String header = request.getHeader("Authorization");
        byte[] given = header == null ? new byte[0] : header.getBytes(StandardCharsets.UTF_8);
        if (header != null && header.startsWith("Bearer sbx-at-")) {
            String refusal = oauth.refusal(header.substring("Bearer ".length()));
            if (refusal != null) {
                throw SandboxApiException.unauthorized(refusal);
            }
            return;
        }
        if (!MessageDigest.isEqual(expectedAuthorization, given)) {
            throw SandboxApiException.unauthorized(
                    header == null
                            ? "Missing Authorization header; send 'Authorization: Bearer <API key>'"
                            : "The API key is not valid for this tenant");
        }
    }
}

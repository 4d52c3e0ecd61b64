package dev.qcl.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The sandbox's OAuth machine-to-machine clients: {@code POST /oauth/token} with the
 * client-credentials grant issues short-lived access tokens, which the API accepts until they
 * expire and refuses with 401 after. Register clients and set the lifetime before a test runs.
 */
public final class SandboxOAuth {
    static final String TOKEN_PATH = "/oauth/token";

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong expiredRefused = new AtomicLong();
    private volatile Duration lifetime = Duration.ofHours(1);

    SandboxOAuth(Clock clock) {
        this.clock = clock;
    }

    /** Adds a client that may get tokens with this secret. */
    public SandboxOAuth register(String clientId, String clientSecret) {
        clients.put(Objects.requireNonNull(clientId, "clientId"), Objects.requireNonNull(clientSecret, "clientSecret"));
        return this;
    }

    /** How long the tokens issued from now on are valid; whole seconds, as {@code expires_in} says. */
    public SandboxOAuth tokenLifetime(Duration lifetime) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("token lifetime must be at least 1 s, was " + lifetime);
        }
        this.lifetime = lifetime;
        return this;
    }

    /** Access tokens issued so far. */
    public long tokensIssued() {
        return issued.get();
    }

    /** Every access token issued so far, for tests that look for them where they must not be. */
    public java.util.Set<String> issuedTokens() {
        return java.util.Set.copyOf(tokens.keySet());
    }

    /** Requests refused because their token had expired. */
    public long expiredTokensRefused() {
        return expiredRefused.get();
    }

    /** The token endpoint: a JSON body with client_id, client_secret and grant_type client_credentials. */
    Reply token(String body) {
        JsonNode request = Json.parseBody(body);
        String grant = text(request, "grant_type");
        if (!"client_credentials".equals(grant)) {
            return oauthError(400, "unsupported_grant_type", "only client_credentials is supported");
        }
        String expected = clients.get(text(request, "client_id"));
        String given = text(request, "client_secret");
        if (expected == null
                || given == null
                || !MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            return oauthError(401, "invalid_client", "client authentication failed");
        }
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = "sbx-at-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Duration valid = lifetime;
        tokens.put(token, clock.instant().plus(valid));
        issued.incrementAndGet();
        var answer = Json.MAPPER
                .createObjectNode()
                .put("access_token", token)
                .put("token_type", "Bearer")
                .put("expires_in", valid.toSeconds());
        if (request.hasNonNull("scope")) {
            answer.put("scope", request.get("scope").asString());
        }
        return Reply.json(200, answer);
    }

    /** Null when {@code token} is a valid access token; otherwise why it is refused. */
    String refusal(String token) {
        Instant expires = tokens.get(token);
        if (expires == null) {
            return "The access token is not valid for this tenant";
        }
        if (!clock.instant().isBefore(expires)) {
            expiredRefused.incrementAndGet();
            return "The access token has expired";
        }
        return null;
    }

    private static Reply oauthError(int status, String error, String description) {
        var body = Json.MAPPER.createObjectNode().put("error", error).put("error_description", description);
        return Reply.json(status, body);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}

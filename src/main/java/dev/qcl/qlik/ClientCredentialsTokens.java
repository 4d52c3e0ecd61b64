package dev.qcl.qlik;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens of an OAuth machine-to-machine client from the tenant's {@code /oauth/token}
 * (client-credentials grant). A token lives in memory only; it is replaced before it expires and
 * after a 401, one fetch at a time for all threads.
 */
final class ClientCredentialsTokens implements BearerTokens {
    static final String TOKEN_PATH = "/oauth/token";
    /** Old tokens stay masked for a while: a late error message may still quote one. */
    private static final int REMEMBERED_TOKENS = 16;

    private final Identity.OAuthClient client;
    private final URI tokenUri;
    private final BiFunction<URI, Object, RawResponse> post;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Deque<String> issued = new ArrayDeque<>();
    private String current;
    private Instant renewAt = Instant.MIN;

    /** {@code post} sends a JSON body without authorisation and returns the raw response. */
    ClientCredentialsTokens(
            Identity.OAuthClient client,
            URI tenantUrl,
            BiFunction<URI, Object, RawResponse> post,
            JsonMapper jsonMapper,
            Clock clock) {
        this.client = client;
        this.tokenUri = URI.create(tenantUrl.toString().replaceAll("/+$", "") + TOKEN_PATH);
        this.post = post;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    @Override
    public synchronized String token() {
        if (current == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return current;
    }

    @Override
    public synchronized void refused(String refused) {
        // several threads may see the same token refused: only the first one drops it
        if (refused != null && refused.equals(current)) {
            current = null;
        }
    }

    @Override
    public boolean renewable() {
        return true;
    }

    @Override
    public Identity identity() {
        return client;
    }

    @Override
    public synchronized Collection<String> secrets() {
        List<String> all = new ArrayList<>(issued);
        all.add(client.clientSecret());
        return all;
    }

    private void fetch() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("client_id", client.clientId());
        body.put("client_secret", client.clientSecret());
        body.put("grant_type", "client_credentials");
        if (!client.scopes().isEmpty()) {
            body.put("scope", String.join(" ", client.scopes()));
        }
        Instant asked = clock.instant();
        RawResponse response = post.apply(tokenUri, body);
        if (WritePolicy.isTransientStatus(response.status())) {
            throw TransientFailure.status(response.status(), "the token endpoint is unavailable");
        }
        if (!response.isSuccess()) {
            throw UnauthorizedException.noToken(client.describe(), response.status(), describeRefusal(response));
        }
        TokenJson token = read(response);
        Duration lifetime = Duration.ofSeconds(Math.max(1, token.expiresIn() == null ? 3600 : token.expiresIn()));
        Duration margin = client.renewBefore().compareTo(lifetime.dividedBy(2)) < 0
                ? client.renewBefore()
                : lifetime.dividedBy(2);
        remember(token.accessToken());
        current = token.accessToken();
        renewAt = asked.plus(lifetime).minus(margin);
    }

    private TokenJson read(RawResponse response) {
        try {
            TokenJson token = jsonMapper.readValue(response.body(), TokenJson.class);
            if (token == null
                    || token.accessToken() == null
                    || token.accessToken().isBlank()) {
                throw UnauthorizedException.noToken(
                        client.describe(), response.status(), "the answer holds no access_token");
            }
            return token;
        } catch (JacksonException e) {
            throw UnauthorizedException.noToken(client.describe(), response.status(), "the answer is not a token");
        }
    }

    /** OAuth's {@code {"error","error_description"}}, or Qlik's {@code errors[]}; never the raw body. */
    private String describeRefusal(RawResponse response) {
        try {
            TokenJson error = jsonMapper.readValue(response.body(), TokenJson.class);
            if (error != null && error.error() != null) {
                return error.error() + (error.errorDescription() == null ? "" : " - " + error.errorDescription());
            }
        } catch (JacksonException notOAuthShape) {
            // fall through to Qlik's error shape
        }
        return TenantErrors.describe(response, jsonMapper);
    }

    private void remember(String token) {
        issued.addLast(token);
        while (issued.size() > REMEMBERED_TOKENS) {
            issued.removeFirst();
        }
    }

    /** The token endpoint's answer: a token, or OAuth's error shape. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenJson(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") Long expiresIn,
            @JsonProperty("error") String error,
            @JsonProperty("error_description") String errorDescription) {}
}

package dev.qcl.qlik;

import dev.qcl.qlik.failure.TenantTlsException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request and hands back the raw response, whatever its status; I/O failures become
 * {@link TransientFailure}s, a failed TLS handshake a {@link TenantTlsException}. One shared JDK
 * client (HTTP/1.1, through the proxy that {@link TenantProxy} finds) so connections are reused;
 * each request carries the bearer token that {@link BearerTokens} hands out for the identity.
 */
final class TenantHttp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TenantHttp.class);

    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final ExecutorService executor;
    private final HttpStats stats;
    private final String host;
    private final BearerTokens tokens;

    TenantHttp(QlikSettings settings, JsonMapper jsonMapper, HttpStats stats, Clock clock) {
        this.stats = stats;
        this.jsonMapper = jsonMapper;
        this.host = settings.tenantUrl().getHost();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "qlik-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .proxy(TenantProxy.select(System::getenv, System::getProperty))
                .executor(executor)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient, executor);
        requestFactory.setReadTimeout(settings.readTimeout());
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory)
                // our mapper, so reading and writing share one configuration
                .configureMessageConverters(
                        converters -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(jsonMapper)))
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
        this.tokens = settings.identity() instanceof Identity.OAuthClient client
                ? new ClientCredentialsTokens(
                        client,
                        settings.tenantUrl(),
                        (uri, body) -> exchange(HttpMethod.POST, uri, body, null, SecretMasker.NONE),
                        jsonMapper,
                        clock)
                : BearerTokens.of((Identity.ApiKey) settings.identity());
    }

    /**
     * Sends {@code body} (null for none) as JSON with the identity's bearer token; logs method,
     * path, status and time at DEBUG, masked. A 401 is reported to the tokens, so that the next
     * request of an OAuth client carries a new token.
     */
    RawResponse send(HttpMethod method, URI uri, Object body, SecretMasker masker) {
        String token = tokens.token();
        RawResponse response = exchange(method, uri, body, token, masker);
        if (response.status() == 401) {
            tokens.refused(token);
        }
        return response;
    }

    /** The identity's tokens: what to mask, and whom to name when the tenant refuses them. */
    BearerTokens tokens() {
        return tokens;
    }

    private RawResponse exchange(HttpMethod method, URI uri, Object body, String token, SecretMasker masker) {
        stats.recordRequest();
        long started = System.nanoTime();
        String target = masker.mask(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        try {
            RestClient.RequestBodySpec request = restClient.method(method).uri(uri);
            if (token != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
            }
            if (body != null) {
                // written as raw bytes: a message converter would log the body, secrets and all, at DEBUG
                byte[] json = jsonMapper.writeValueAsBytes(body);
                request.contentType(MediaType.APPLICATION_JSON).body(out -> out.write(json));
            }
            RawResponse response = request.exchange(
                    (req, res) -> new RawResponse(
                            res.getStatusCode().value(),
                            res.getHeaders().getFirst(HttpHeaders.RETRY_AFTER),
                            res.getBody().readAllBytes()),
                    true);
            log.debug("{} {} -> {} in {} ms", method, target, response.status(), elapsedMillis(started));
            return response;
        } catch (ResourceAccessException | UncheckedIOException e) {
            TenantTlsException tls = TenantTlsException.from(host, e);
            if (tls != null) {
                log.debug("{} {} -> TLS handshake failed after {} ms", method, target, elapsedMillis(started));
                throw tls;
            }
            TransientFailure failure = TransientFailure.io(e);
            log.debug(
                    "{} {} -> {} ({}) after {} ms",
                    method,
                    target,
                    failure.kind(),
                    failure.getMessage(),
                    elapsedMillis(started));
            throw failure;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}

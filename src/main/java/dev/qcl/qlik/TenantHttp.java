package dev.qcl.qlik;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
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
 * {@link TransientFailure}s. One shared JDK client (HTTP/1.1) so connections are reused.
 */
final class TenantHttp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TenantHttp.class);

    private final RestClient restClient;
    private final JsonMapper jsonMapper;
    private final ExecutorService executor;
    private final HttpStats stats;

    TenantHttp(QlikSettings settings, JsonMapper jsonMapper, HttpStats stats) {
        this.stats = stats;
        this.jsonMapper = jsonMapper;
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "qlik-http");
            thread.setDaemon(true);
            return thread;
        });
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient, executor);
        requestFactory.setReadTimeout(settings.readTimeout());
        this.restClient = RestClient.builder()
                .requestFactory(requestFactory)
                // our mapper, so reading and writing share one configuration
                .configureMessageConverters(converters ->
                        converters.withJsonConverter(new JacksonJsonHttpMessageConverter(jsonMapper)))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + settings.apiKey())
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .build();
    }

    /** Sends {@code body} (null for none) as JSON; logs method, path, status and time at DEBUG, masked. */
    RawResponse send(HttpMethod method, URI uri, Object body, SecretMasker masker) {
        stats.recordRequest();
        long started = System.nanoTime();
        String target = masker.mask(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        try {
            RestClient.RequestBodySpec request = restClient.method(method).uri(uri);
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
            TransientFailure failure = TransientFailure.io(e);
            log.debug("{} {} -> {} ({}) after {} ms", method, target, failure.kind(), failure.getMessage(),
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

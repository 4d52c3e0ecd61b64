package dev.qcl;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The process's way out: nothing left that makes the JVM wait at exit. */
class QclApplicationTests {

    /** Run in a JVM of its own: stopping selectors in the test JVM would break the other tests' clients. */
    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        client.send(HttpRequest.newBuilder(URI.create(args[0])).build(), HttpResponse.BodyHandlers.discarding());
        System.out.println("before " + selectorsAlive());
        QclApplication.stopHttpSelectors(Duration.ofSeconds(5));
        System.out.println("after " + selectorsAlive());
    }

    private static long selectorsAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().endsWith("-SelectorManager") && t.isAlive())
                .count();
    }

    @Test
    void should_end_the_http_clients_selector_threads_before_exit() throws Exception {
        // given: a JVM whose HTTP client has talked to a loopback server
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(get("/ping").willReturn(ok()));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            Process process = new ProcessBuilder(
                            java.toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            QclApplicationTests.class.getName(),
                            "http://127.0.0.1:" + server.port() + "/ping")
                    .redirectErrorStream(true)
                    .start();

            // when
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            // then
            assertThat(output).contains("before 1", "after 0");
        } finally {
            server.stop();
        }
    }
}

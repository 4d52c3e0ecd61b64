package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.qcl.qlik.api.CreateRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

class QlikClientLoggingTests {
    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final Logger packageLogger = (Logger) LoggerFactory.getLogger("dev.qcl.qlik");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = packageLogger.getLevel();
        packageLogger.setLevel(Level.DEBUG);
        appender.start();
        packageLogger.addAppender(appender);
    }

    @AfterEach
    void releaseLogs() {
        packageLogger.detachAppender(appender);
        packageLogger.setLevel(previousLevel);
    }

    @Test
    void should_log_each_call_at_debug_with_method_path_and_status_but_no_secret() {
        // given: a name that happens to contain a secret, and a tenant that echoes it
        String secret = TenantFixtures.SECRET;
        tenant.stubFor(post("/api/v1/data-connections")
                .willReturn(aResponse()
                        .withStatus(503)
                        .withBody(TenantFixtures.errors(503, "Unavailable", "busy with " + secret))));
        FakeTime time = new FakeTime();
        CreateRequest request = new CreateRequest(
                "rest", "conn-" + secret, "sp1", Map.of("password", secret), List.of(), List.of(secret));

        // when
        try (QlikClient client =
                new QlikClient(TenantFixtures.settings(tenant.getPort()), new HttpStats(), time, time, () -> 0.5)) {
            org.assertj.core.api.Assertions.catchThrowable(() -> client.create(request));
        }

        // then
        List<String> lines =
                appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).anyMatch(line -> line.matches("POST /api/v1/data-connections -> 503 in \\d+ ms"));
        assertThat(lines).anyMatch(line -> line.startsWith("Retrying create of data connection 'conn-****'"));
        assertThat(String.join("\n", lines)).doesNotContain(secret).doesNotContain(TenantFixtures.API_KEY);
    }
}

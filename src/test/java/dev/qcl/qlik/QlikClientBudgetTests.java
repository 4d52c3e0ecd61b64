package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.qcl.qlik.api.CreateRequest;
import dev.qcl.qlik.failure.RejectedException;
import dev.qcl.qlik.failure.RunInterruptedException;
import dev.qcl.qlik.failure.TenantTlsException;
import dev.qcl.qlik.failure.TenantUnreachableException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The write tier's budget as the client shows it, what each kind of failed request costs it, and a stop. */
class QlikClientBudgetTests {
    private static final String CONNECTIONS = "/api/v1/data-connections";
    private static final List<PatchOperation> RENAME = List.of(new PatchOperation("replace", "/qName", "x"));

    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    private final FakeTime time = new FakeTime();
    private final HttpStats stats = new HttpStats();

    private QlikClient client(QlikSettings settings) {
        return new QlikClient(settings, stats, time, time, () -> 0.5);
    }

    private QlikClient client() {
        return client(TenantFixtures.settings(tenant.getPort()));
    }

    private static CreateRequest request() {
        return new CreateRequest("rest", "sales", "sp1", null, null, null);
    }

    @Nested
    class Budget {
        @Test
        void should_show_a_fresh_write_budget_of_the_configured_rate_times_the_window() {
            try (QlikClient qlik = client()) {
                assertThat(qlik.writeBudget())
                        .isEqualTo(new BudgetView(500, Duration.ofMinutes(5), 500, Duration.ZERO, 0, Duration.ZERO));
            }
        }

        @Test
        void should_count_a_request_that_dropped_against_the_window_until_it_left_it() {
            // given: every PATCH is carried out or not, the connection drops before the answer
            tenant.stubFor(patch(urlPathEqualTo(CONNECTIONS + "/c1"))
                    .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            try (QlikClient qlik = client()) {
                // when
                assertThatThrownBy(() -> qlik.patch("c1", RENAME, List.of())).isInstanceOf(RejectedException.class);

                // then: six sends the tenant may have counted, for one window
                assertThat(qlik.writeBudget().left()).isEqualTo(494);
                time.advance(Duration.ofMinutes(5));
                assertThat(qlik.writeBudget().left()).isEqualTo(500);
            }
        }

        @Test
        void should_not_count_a_request_that_could_not_connect() throws Exception {
            // given: a port nobody listens on
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }

            try (QlikClient qlik = client(TenantFixtures.settings(closedPort))) {
                // when
                assertThatThrownBy(() -> qlik.patch("c1", RENAME, List.of()))
                        .isInstanceOf(TenantUnreachableException.class);

                // then
                assertThat(qlik.writeBudget().left()).isEqualTo(500);
            }
        }

        @Test
        void should_count_a_request_that_failed_its_tls_handshake_for_one_window() {
            // given: the tenant's port speaks plain HTTP
            QlikSettings tls = TenantFixtures.settings(URI.create("https://127.0.0.1:" + tenant.getPort()), "key");

            try (QlikClient qlik = client(tls)) {
                // when
                assertThatThrownBy(() -> qlik.create(request())).isInstanceOf(TenantTlsException.class);

                // then
                assertThat(qlik.writeBudget().left()).isEqualTo(499);
                time.advance(Duration.ofMinutes(5));
                assertThat(qlik.writeBudget().left()).isEqualTo(500);
            }
        }
    }

    @Nested
    class Stop {
        @Test
        void should_give_up_a_write_backoff_once_the_run_stops() {
            // given
            tenant.stubFor(post(CONNECTIONS).willReturn(aResponse().withStatus(503)));

            try (QlikClient qlik = client()) {
                // when
                qlik.stopWaiting();

                // then
                assertThatThrownBy(() -> qlik.create(request())).isInstanceOf(RunInterruptedException.class);
            }
            tenant.verify(exactly(1), postRequestedFor(urlPathEqualTo(CONNECTIONS)));
            assertThat(time.waits()).isEmpty();
        }

        @Test
        void should_give_up_a_read_backoff_once_the_run_stops() {
            // given
            tenant.stubFor(get("/api/v1/data-sources").willReturn(aResponse().withStatus(503)));

            try (QlikClient qlik = client()) {
                // when
                qlik.stopWaiting();

                // then
                assertThatThrownBy(qlik::dataSources).isInstanceOf(RunInterruptedException.class);
            }
            tenant.verify(exactly(1), getRequestedFor(urlPathEqualTo("/api/v1/data-sources")));
            assertThat(time.waits()).isEmpty();
        }
    }
}

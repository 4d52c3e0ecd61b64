package dev.qcl.qlik;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client in fake time against a WireMock tenant on a loopback port, made fresh for each test. */
abstract class AgainstWireMockTenant {
    @RegisterExtension
    static final WireMockExtension tenant = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    final FakeTime time = new FakeTime();
    final HttpStats stats = new HttpStats();
    QlikClient client;

    @BeforeEach
    void createClient() {
        client = new QlikClient(TenantFixtures.settings(tenant.getPort()), stats, time, time, () -> 0.5);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }
}

package dev.qcl.settings;

import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikSettings;
import java.net.URI;

/** The client's settings from qcl's configuration: the one way they are made, in production and in tests. */
final class ClientSettings {
    private ClientSettings() {}

    static QlikSettings of(URI url, Identity identity, TenantProperties tenant, WriteProperties write) {
        return new QlikSettings(
                url,
                identity,
                tenant.basePath(),
                tenant.connectTimeout(),
                tenant.readTimeout(),
                write.rateLimit(),
                write.readRateLimit(),
                write.maxAttempts(),
                write.initialBackoff(),
                write.maxBackoff(),
                write.maxTimePerRow(),
                write.maxThrottleWait(),
                write.window(),
                tenant.maxPages());
    }
}

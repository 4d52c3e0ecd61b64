package dev.qcl.settings;

import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpecCache;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.QlikSettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Binds qcl's settings and makes the client of the tenant they name, with the api-specs cache it
 * feeds. The client and the cache are lazy, so that commands which only read the history
 * ({@code status}, {@code report}) need no tenant or API key.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({
    QclProperties.class,
    TenantProperties.class,
    OAuthProperties.class,
    WriteProperties.class,
    JobProperties.class,
    SpecsProperties.class,
    PruneProperties.class,
    PlanProperties.class,
    ReferencesProperties.class,
    FingerprintProperties.class
})
public class ClientConfiguration {
    /** false: the identity comes only from files (qcl.api-key-file), never from QLIK_API_KEY. */
    public static final String IDENTITY_FROM_ENVIRONMENT = "qcl.identity-from-environment";

    @Bean
    HttpStats httpStats() {
        return new HttpStats();
    }

    @Bean
    SecretPolicy secretPolicy(QclProperties qcl) {
        return new SecretPolicy(qcl.secretProperties());
    }

    @Bean(destroyMethod = "close")
    @Lazy
    QlikClient qlikClient(
            QclProperties qcl,
            TenantProperties tenant,
            OAuthProperties oauth,
            WriteProperties write,
            HttpStats stats,
            Environment environment) {
        URI url = TenantUrl.parse(tenant.url());
        Identity identity = runIdentity(qcl, oauth, environment);
        QlikSettings settings = ClientSettings.of(url, identity, tenant, write);
        return new QlikClient(settings, stats);
    }

    /**
     * The clients of the tenants of {@code --tenants}; a tenant without identity cells is served by the
     * run's own identity, which is read only then (a run whose tenants all have their own needs none).
     */
    @Bean(destroyMethod = "close")
    @Lazy
    TenantClients tenantClients(
            QclProperties qcl,
            TenantProperties tenant,
            OAuthProperties oauth,
            WriteProperties write,
            SpecsProperties specs,
            SecretPolicy secrets,
            HttpStats stats,
            Environment environment) {
        return new TenantClients(
                qcl,
                tenant,
                oauth,
                write,
                specs,
                secrets,
                () -> runIdentity(qcl, oauth, environment),
                System::getenv,
                stats);
    }

    private static Identity runIdentity(QclProperties qcl, OAuthProperties oauth, Environment environment) {
        // the demo's sandbox has a key of its own: a user's real key or client must never be read for it
        boolean fromEnvironment = environment.getProperty(IDENTITY_FROM_ENVIRONMENT, Boolean.class, true);
        return Identities.load(qcl.apiKeyFile(), oauth, fromEnvironment ? System::getenv : name -> null);
    }

    @Bean
    @Lazy
    SpecCache specCache(
            QlikClient client,
            QclProperties qcl,
            TenantProperties tenant,
            SpecsProperties specs,
            SecretPolicy secrets) {
        Path cacheDir = TenantClients.specsFolder(qcl, TenantUrl.parse(tenant.url()));
        return new SpecCache(
                new QlikSpecSource(client), cacheDir, specs.ttl(), specs.checkVersion(), Clock.systemUTC(), secrets);
    }
}

package dev.qcl.batch;

import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikClient;
import dev.qcl.qlik.QlikSettings;
import dev.qcl.spec.SecretPolicy;
import dev.qcl.spec.SpecCache;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the load job and what it needs. Everything that talks to the tenant is lazy, so that
 * commands which only read the history ({@code status}, {@code report}) need no tenant or API key.
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
    ReferencesProperties.class,
    FingerprintProperties.class
})
public class LoadJobConfiguration {
    /** false: the identity comes only from files (qcl.api-key-file), never from QLIK_API_KEY. */
    public static final String IDENTITY_FROM_ENVIRONMENT = "qcl.identity-from-environment";

    @Bean
    ResultRepository resultRepository(JdbcTemplate jdbc) {
        return new ResultRepository(jdbc);
    }

    @Bean
    RunHistory runHistory(JobRepository jobRepository, ResultRepository results, JdbcTemplate jdbc) {
        return new RunHistory(jobRepository, results, jdbc);
    }

    @Bean
    HttpStats httpStats() {
        return new HttpStats();
    }

    @Bean
    SecretPolicy secretPolicy(QclProperties qcl) {
        return new SecretPolicy(qcl.secretProperties());
    }

    @Bean
    static LazyTransactionConnections lazyTransactionConnections() {
        return new LazyTransactionConnections();
    }

    /** Outside the chunk transaction: a secret the tenant took stays remembered if its chunk rolls back. */
    @Bean
    @Lazy
    SecretFingerprints secretFingerprints(
            DataSource dataSource, QclProperties qcl, FingerprintProperties fingerprints) {
        return new SecretFingerprints(
                LazyTransactionConnections.autonomous(dataSource),
                FingerprintKey.load(fingerprints.keyFileIn(qcl.home())));
    }

    @Bean
    @Lazy
    RowWrites rowWrites(DataSource dataSource) {
        return new RowWrites(LazyTransactionConnections.autonomous(dataSource));
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
        // the demo's sandbox has a key of its own: a user's real key or client must never be read for it
        boolean fromEnvironment = environment.getProperty(IDENTITY_FROM_ENVIRONMENT, Boolean.class, true);
        Identity identity = Identities.load(qcl.apiKeyFile(), oauth, fromEnvironment ? System::getenv : name -> null);
        QlikSettings settings = ClientSettings.of(url, identity, tenant, write);
        return new QlikClient(settings, stats);
    }

    @Bean
    @Lazy
    SpecCache specCache(
            QlikClient client,
            QclProperties qcl,
            TenantProperties tenant,
            SpecsProperties specs,
            SecretPolicy secrets) {
        URI url = TenantUrl.parse(tenant.url());
        String folder = url.getPort() < 0 ? url.getHost() : url.getHost() + "_" + url.getPort();
        Path cacheDir = qcl.home().resolve("specs").resolve(folder.replaceAll("[^A-Za-z0-9._-]", "_"));
        return new SpecCache(new QlikSpecSource(client), cacheDir, specs.ttl(), Clock.systemUTC(), secrets);
    }

    @Bean
    @Lazy
    LoadJobFactory loadJobFactory(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ResultRepository results,
            SecretFingerprints fingerprints,
            RowWrites journal,
            QlikClient client,
            SpecCache specs,
            SecretPolicy secrets,
            HttpStats stats,
            JobProperties job,
            PruneProperties prune,
            ReferencesProperties references) {
        return new LoadJobFactory(
                jobRepository,
                transactionManager,
                results,
                fingerprints,
                journal,
                client,
                specs,
                secrets,
                stats,
                job,
                prune,
                references.rules());
    }

    @Bean
    @Lazy
    PrunePlanner prunePlanner(QlikClient client) {
        return new PrunePlanner(client);
    }

    @Bean
    LoadJobLauncher loadJobLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            ObjectProvider<LoadJobFactory> jobs,
            ResultRepository results,
            RunHistory history,
            WriteProperties write) {
        return new LoadJobLauncher(jobOperator, jobRepository, jobs, results, history, write);
    }
}

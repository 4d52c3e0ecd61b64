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
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
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
    PruneProperties.class
})
class LoadJobConfiguration {

    @Bean
    ResultRepository resultRepository(JdbcTemplate jdbc) {
        return new ResultRepository(jdbc);
    }

    @Bean
    RunHistory runHistory(JobRepository jobRepository, ResultRepository results) {
        return new RunHistory(jobRepository, results);
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
    @Lazy
    SecretFingerprints secretFingerprints(JdbcTemplate jdbc) {
        return new SecretFingerprints(jdbc);
    }

    @Bean(destroyMethod = "close")
    @Lazy
    QlikClient qlikClient(
            QclProperties qcl, TenantProperties tenant, OAuthProperties oauth, WriteProperties write, HttpStats stats) {
        URI url = TenantUrl.parse(tenant.url());
        Identity identity = Identities.load(qcl.apiKeyFile(), oauth, System::getenv);
        QlikSettings settings = ClientSettings.of(url, identity, tenant, write);
        return new QlikClient(settings, stats);
    }

    @Bean
    @Lazy
    SpecCache specCache(QlikClient client, QclProperties qcl, TenantProperties tenant, SpecsProperties specs, SecretPolicy secrets) {
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
            QlikClient client,
            SpecCache specs,
            SecretPolicy secrets,
            HttpStats stats,
            JobProperties job,
            PruneProperties prune) {
        return new LoadJobFactory(
                jobRepository, transactionManager, results, fingerprints, client, specs, secrets, stats, job, prune);
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

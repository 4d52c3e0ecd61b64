package dev.qcl.job;

import dev.qcl.connector.SecretPolicy;
import dev.qcl.connector.SpecCache;
import dev.qcl.prune.PrunePlanner;
import dev.qcl.qlik.HttpStats;
import dev.qcl.qlik.QlikClient;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RunHttpCounts;
import dev.qcl.rows.RowSending;
import dev.qcl.run.plan.PlanRecorder;
import dev.qcl.settings.FingerprintProperties;
import dev.qcl.settings.JobProperties;
import dev.qcl.settings.PruneProperties;
import dev.qcl.settings.QclProperties;
import dev.qcl.settings.ReferencesProperties;
import dev.qcl.settings.TenantClients;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the load job's parts: the results store, the stores a row's sending keeps outside the chunk's
 * transaction, and the factory that builds one run's job. Everything that talks to the tenant is lazy,
 * so that commands which only read the history ({@code status}, {@code report}) need no tenant or API key.
 */
@Configuration(proxyBeanMethods = false)
public class LoadJobConfiguration {
    @Bean
    ResultRepository resultRepository(JdbcTemplate jdbc) {
        return new ResultRepository(jdbc);
    }

    /** What a dry run's decisions were based on, for {@code --save-plan}: one per command, like its run. */
    @Bean
    PlanRecorder planRecorder() {
        return new PlanRecorder();
    }

    /** Saved as requests go out, from a thread of its own: outside any chunk's transaction. */
    @Bean
    RunHttpCounts runHttpCounts(DataSource dataSource) {
        return new RunHttpCounts(LazyTransactionConnections.autonomous(dataSource));
    }

    @Bean
    static LazyTransactionConnections lazyTransactionConnections() {
        return new LazyTransactionConnections();
    }

    /**
     * The write journal and the secret fingerprints commit outside the chunk's transaction: a secret the
     * tenant took stays remembered, and a write stays journalled, if its chunk rolls back.
     */
    @Bean
    @Lazy
    RowSending rowSending(
            DataSource dataSource, QclProperties qcl, FingerprintProperties fingerprints, PlanRecorder recorder) {
        return RowSending.toNoTenantYet(
                LazyTransactionConnections.autonomous(dataSource), fingerprints.keyFileIn(qcl.home()), recorder);
    }

    @Bean
    @Lazy
    LoadJobFactory loadJobFactory(
            JobRepository jobRepository,
            PlatformTransactionManager transactionManager,
            ResultRepository results,
            RowSending sending,
            ObjectProvider<QlikClient> client,
            ObjectProvider<SpecCache> specs,
            SecretPolicy secrets,
            HttpStats stats,
            JobProperties job,
            PruneProperties prune,
            ReferencesProperties references,
            ObjectProvider<TenantClients> tenantClients,
            PlanRecorder recorder,
            RunHttpCounts httpCounts) {
        return new LoadJobFactory(
                jobRepository,
                transactionManager,
                results,
                sending,
                client,
                specs,
                secrets,
                stats,
                job,
                prune,
                references.rules(),
                tenantClients,
                recorder,
                httpCounts);
    }

    @Bean
    @Lazy
    PrunePlanner prunePlanner(QlikClient client) {
        return new PrunePlanner(client);
    }
}

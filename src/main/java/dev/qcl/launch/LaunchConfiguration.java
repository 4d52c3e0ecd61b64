package dev.qcl.launch;

import dev.qcl.job.LoadJobFactory;
import dev.qcl.results.ResultRepository;
import dev.qcl.results.RunHttpCounts;
import dev.qcl.settings.WriteProperties;
import javax.sql.DataSource;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The launcher and the run history. Neither needs the tenant: the job factory is asked for only when a run starts. */
@Configuration(proxyBeanMethods = false)
public class LaunchConfiguration {
    @Bean
    RunHistory runHistory(
            JobRepository jobRepository, ResultRepository results, RunHttpCounts httpCounts, JdbcTemplate jdbc) {
        return new RunHistory(jobRepository, results, httpCounts, jdbc);
    }

    @Bean
    LoadJobLauncher loadJobLauncher(
            JobOperator jobOperator,
            JobRepository jobRepository,
            ObjectProvider<LoadJobFactory> jobs,
            ResultRepository results,
            RunHistory history,
            WriteProperties write,
            DataSource dataSource) {
        // the lock of a run label holds a connection for the run's life: one of its own, not one of the pool's
        DataSource pool = dataSource;
        while (pool instanceof DelegatingDataSource proxy && proxy.getTargetDataSource() != null) {
            pool = proxy.getTargetDataSource();
        }
        DataSource ownConnections = DataSourceBuilder.derivedFrom(pool)
                .type(DriverManagerDataSource.class)
                .build();
        return new LoadJobLauncher(jobOperator, jobRepository, jobs, results, history, write, ownConnections);
    }
}

package dev.qcl.cli;

import dev.qcl.job.LoadJobConfiguration;
import dev.qcl.launch.LaunchConfiguration;
import dev.qcl.settings.ClientConfiguration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The Spring context of one command, started after the command line is parsed so that options such
 * as {@code --home} decide where the job repository is.
 */
final class QclContext implements AutoCloseable {
    private final ConfigurableApplicationContext context;

    private QclContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts the context. Options become command-line properties, so they win over the environment
     * and config/application.yml, as Spring Boot users expect.
     */
    static QclContext start(Map<String, Object> options, CommandSpec spec) {
        List<String> args = new ArrayList<>();
        options.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.addAll(Commands.springArgs(spec));
        QclCommand root = Commands.root(spec);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Beans.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                    PostgresLoginTimeout.addDefault(event.getEnvironment());
                    // where the job repository is, for the message should it fail, also while the context starts
                    root.storage =
                            JobStorage.of(event.getEnvironment(), Path.of(String.valueOf(options.get("qcl.home"))));
                })
                // logging is set up by now (on the environment), and before anything can fail to write to it
                .listeners((ApplicationListener<ApplicationPreparedEvent>) event -> LogFileTrouble.install())
                .run(args.toArray(String[]::new));
        return new QclContext(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean if it was already created, without creating it (a lazy bean may need the API key). */
    <T> java.util.Optional<T> beanIfCreated(Class<T> type) {
        for (String name : context.getBeanFactory().getBeanNamesForType(type, true, false)) {
            if (context.getBeanFactory().containsSingleton(name)) {
                return java.util.Optional.of(context.getBean(name, type));
            }
        }
        return java.util.Optional.empty();
    }

    String property(String key) {
        return context.getEnvironment().getProperty(key);
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * What a command's context holds: only the auto-configuration the job needs (data source,
     * transactions, Spring Batch's JDBC job repository, Flyway for qcl's own tables), because a
     * command-line tool pays for every class it loads, and qcl's own configurations, named rather
     * than scanned for the same reason.
     */
    @SpringBootConfiguration(proxyBeanMethods = false)
    @ImportAutoConfiguration({
        PropertyPlaceholderAutoConfiguration.class,
        ConfigurationPropertiesAutoConfiguration.class,
        DataSourceAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class,
        TransactionAutoConfiguration.class,
        BatchAutoConfiguration.class,
        BatchJdbcAutoConfiguration.class,
        FlywayAutoConfiguration.class
    })
    @Import({ClientConfiguration.class, LoadJobConfiguration.class, LaunchConfiguration.class})
    static class Beans {
        /** Two machines making a fresh shared job repository at once: the second tries again. */
        @org.springframework.context.annotation.Bean
        dev.qcl.home.FirstMigration firstMigration() {
            return new dev.qcl.home.FirstMigration();
        }
    }
}

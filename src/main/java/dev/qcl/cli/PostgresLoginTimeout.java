package dev.qcl.cli;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * PostgreSQL's JDBC driver waits without end for a server that takes the connection but never
 * answers (its {@code loginTimeout} is 0 by default), and so would every command. Against a
 * PostgreSQL job repository qcl gives up after 10 seconds per attempt, as the driver does on a TCP
 * connect that gets no answer ({@code connectTimeout}), and then names the database it could not reach. A {@code loginTimeout} in the URL, or set with
 * {@code --spring.datasource.hikari.data-source-properties[loginTimeout]=SECONDS}, wins. Not for
 * other databases: H2 refuses connection settings it does not know.
 */
final class PostgresLoginTimeout {
    static final String PROPERTY = "spring.datasource.hikari.data-source-properties[loginTimeout]";
    static final String SECONDS = "10";

    private PostgresLoginTimeout() {}

    static void addDefault(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url != null
                && url.startsWith("jdbc:postgresql:")
                && !environment.containsProperty(PROPERTY)
                && !environment.containsProperty("spring.datasource.hikari.data-source-properties.loginTimeout")) {
            environment
                    .getPropertySources()
                    .addLast(new MapPropertySource("qcl-postgres-login-timeout", Map.of(PROPERTY, SECONDS)));
        }
    }
}

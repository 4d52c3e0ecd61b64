package dev.qcl.settings;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where qcl keeps its state and how it treats secrets ({@code qcl.*}).
 *
 * @param home the home folder: job repository, api-specs cache, reports
 * @param apiKeyFile a file holding the API key, used when QLIK_API_KEY is not set
 * @param secretProperties property names treated as secret in addition to the built-in rule
 */
@ConfigurationProperties("qcl")
public record QclProperties(Path home, Path apiKeyFile, List<String> secretProperties) {
    public QclProperties {
        home = home == null ? Path.of("data") : home;
        secretProperties = secretProperties == null ? List.of() : List.copyOf(secretProperties);
    }

    public Path reportsDir() {
        return home.resolve("reports");
    }
}

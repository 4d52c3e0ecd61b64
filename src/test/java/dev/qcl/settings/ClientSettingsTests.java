package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.qlik.Identity;
import dev.qcl.qlik.QlikSettings;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.FileSystemResource;

/** The client's settings as production makes them: from config/application.yml, through {@link ClientSettings}. */
class ClientSettingsTests {
    private static final URI TENANT = URI.create("https://acme.eu.qlikcloud.com/");

    @Test
    void should_apply_the_documented_defaults() throws IOException {
        // when
        QlikSettings settings = settingsFrom(Map.of());

        // then
        assertThat(settings.basePath()).isEqualTo("/api/v1");
        assertThat(settings.writesPerMinute()).isEqualTo(100);
        assertThat(settings.readsPerMinute()).isEqualTo(1000);
        assertThat(settings.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxAttempts()).isEqualTo(6);
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.maxThrottleWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.maxTimePerRow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void should_take_the_rate_limit_and_the_window_from_the_command_line_properties() throws IOException {
        // when: what --rate-limit 50 and --qcl.write.window=30s become
        QlikSettings settings = settingsFrom(Map.of("qcl.write.rate-limit", "50", "qcl.write.window", "30s"));

        // then
        assertThat(settings.writesPerMinute()).isEqualTo(50);
        assertThat(settings.window()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.tenantUrl()).isEqualTo(TENANT);
    }

    private static QlikSettings settingsFrom(Map<String, Object> overrides) throws IOException {
        List<PropertySource<?>> sources = new ArrayList<>();
        sources.add(new MapPropertySource("command line", overrides));
        sources.addAll(new YamlPropertySourceLoader()
                .load("application.yml", new FileSystemResource("config/application.yml")));
        Binder binder = new Binder(
                ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
        TenantProperties tenant = binder.bindOrCreate("qcl.tenant", TenantProperties.class);
        WriteProperties write = binder.bindOrCreate("qcl.write", WriteProperties.class);
        return ClientSettings.of(TENANT, new Identity.ApiKey("key"), tenant, write);
    }
}

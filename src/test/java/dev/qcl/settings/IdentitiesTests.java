package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.qlik.Identity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exactly one identity: an API key or an OAuth client, from the environment or files. */
class IdentitiesTests {
    static final OAuthProperties NO_CLIENT = new OAuthProperties(null, null, null, null);

    static OAuthProperties client(Path secretFile) {
        return new OAuthProperties("bot", secretFile, List.of("user_default"), Duration.ofSeconds(30));
    }

    @Test
    void should_use_the_api_key_from_the_environment_when_no_client_is_set() {
        Identity identity = Identities.load(null, NO_CLIENT, Map.of("QLIK_API_KEY", " key-1 ")::get);

        assertThat(identity).isEqualTo(new Identity.ApiKey("key-1"));
        assertThat(identity.toString()).doesNotContain("key-1");
    }

    @Test
    void should_use_the_client_secret_from_the_environment_before_the_file(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "from-file");

        Identity identity = Identities.load(null, client(file), Map.of("QLIK_CLIENT_SECRET", "from-env")::get);

        assertThat(identity)
                .isEqualTo(
                        new Identity.OAuthClient("bot", "from-env", List.of("user_default"), Duration.ofSeconds(30)));
        assertThat(identity.toString()).contains("bot").doesNotContain("from-env");
    }

    @Test
    void should_read_the_client_secret_from_its_file(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "from-file\n");

        Identity identity = Identities.load(null, client(file), Map.<String, String>of()::get);

        assertThat(((Identity.OAuthClient) identity).clientSecret()).isEqualTo("from-file");
    }

    @Test
    void should_refuse_an_api_key_in_the_environment_next_to_a_client(@TempDir Path dir) {
        assertThatThrownBy(() -> Identities.load(null, client(dir.resolve("secret")), Map.of("QLIK_API_KEY", "k")::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("two identities")
                .hasMessageContaining("'bot'");
    }

    @Test
    void should_refuse_a_client_secret_without_a_client_id() {
        assertThatThrownBy(() -> Identities.load(null, NO_CLIENT, Map.of("QLIK_CLIENT_SECRET", "s")::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("QLIK_CLIENT_ID");
    }

    @Test
    void should_name_both_ways_when_no_identity_is_set() {
        assertThatThrownBy(() -> Identities.load(null, NO_CLIENT, Map.<String, String>of()::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("no API key")
                .hasMessageContaining("QLIK_API_KEY")
                .hasMessageContaining("QLIK_CLIENT_ID");
    }

    @Test
    void should_refuse_an_empty_client_secret_file(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "\n");

        assertThatThrownBy(() -> Identities.load(null, client(file), Map.<String, String>of()::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("is empty");
    }

    @Test
    void should_refuse_a_client_secret_file_without_a_client_id(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "s");
        OAuthProperties fileOnly = new OAuthProperties(null, file, null, null);

        assertThatThrownBy(() -> Identities.load(null, fileOnly, Map.<String, String>of()::get))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessage("an OAuth client secret is set but no client ID: set QLIK_CLIENT_ID");
    }
}

package dev.qcl.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenants file of {@code --tenants}: what it may hold, and the one-line refusals. */
class TenantsFileTests {
    @TempDir
    Path dir;

    private Path file(String... lines) throws IOException {
        return Files.writeString(dir.resolve("tenants.csv"), String.join("\n", lines) + "\n");
    }

    @Test
    void should_read_each_kind_of_identity_and_the_rate_limit() throws IOException {
        // given
        Path file = file(
                "tenant,url,apiKey,clientId,clientSecret,rateLimit",
                "emea,https://emea.eu.qlikcloud.com,${env:KEY_EMEA},,,",
                "us,https://us.us.qlikcloud.com,,${env:US_ID},${file:us.secret},200",
                "apac,https://apac.ap.qlikcloud.com,,,,");

        // when
        List<TenantEntry> tenants = TenantsFile.read(file);

        // then
        assertThat(tenants).extracting(TenantEntry::alias).containsExactly("emea", "us", "apac");
        assertThat(tenants.get(0).apiKey()).isEqualTo("${env:KEY_EMEA}");
        assertThat(tenants.get(1).clientSecret()).isEqualTo("${file:us.secret}");
        assertThat(tenants.get(1).rateLimit()).isEqualTo(200);
        assertThat(tenants.get(2).usesRunIdentity()).isTrue();
    }

    @Test
    void should_refuse_a_plain_secret_without_repeating_it() throws IOException {
        Path file = file("tenant,url,clientId,clientSecret", "us,https://us.qlikcloud.com,${env:ID},s3cr3t-value");

        assertThatThrownBy(() -> TenantsFile.read(file))
                .isInstanceOf(ConfigurationProblem.class)
                .hasMessageContaining("row 2, column clientSecret: holds a plain value")
                .hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void should_refuse_a_bad_alias_a_duplicate_alias_and_an_http_url() throws IOException {
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,url", "a b,https://x.qlikcloud.com")))
                .hasMessageContaining("row 2, column tenant: 'a b' is no alias");
        assertThatThrownBy(() -> TenantsFile.read(
                        file("tenant,url", "eu,https://x.qlikcloud.com", "EU,https://y.qlikcloud.com")))
                .hasMessageContaining("row 3, column tenant: 'EU' is the alias of row 2 too");
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,url", "eu,http://x.qlikcloud.com")))
                .hasMessageContaining("row 2, column url:");
    }

    @Test
    void should_refuse_half_an_oauth_client_and_both_kinds_of_identity() throws IOException {
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,url,clientId", "eu,https://x.qlikcloud.com,${env:ID}")))
                .hasMessageContaining("column clientSecret: is empty; an OAuth client needs both");
        assertThatThrownBy(() -> TenantsFile.read(file(
                        "tenant,url,apiKey,clientId,clientSecret",
                        "eu,https://x.qlikcloud.com,${env:K},${env:ID},${env:S}")))
                .hasMessageContaining("an API key and an OAuth client for one tenant");
    }

    @Test
    void should_refuse_an_unknown_column_a_missing_url_and_an_empty_file() throws IOException {
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,url,apikee", "eu,https://x.qlikcloud.com,")))
                .hasMessageContaining("row 1: unknown column 'apikee'");
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,apiKey", "eu,${env:K}")))
                .hasMessageContaining("the header has no 'url' column");
        assertThatThrownBy(() -> TenantsFile.read(file("tenant,url"))).hasMessageContaining("lists no tenant");
    }
}

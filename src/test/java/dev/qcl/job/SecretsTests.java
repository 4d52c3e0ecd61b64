package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract section 8: secret values appear nowhere qcl writes, except the user's own cells in failed.csv. */
class SecretsTests {
    static final String INLINE = "inline-secret-Pq7xY";
    static final String ENV = "env-secret-Zq81xVw"; // QCL_TEST_SECRET, set by the surefire configuration
    static final String FILE = "file-secret-Mk3jR";
    static final String PASSPHRASE = "passphrase-secret-Tt9";
    static final String INVALID_ROW = "invalid-row-secret-Hh5";

    @Test
    void should_keep_every_secret_out_of_logs_database_spec_cache_and_reports_except_failed_csv(@TempDir Path dir)
            throws IOException {
        // given
        Files.writeString(dir.resolve("key.p8"), FILE);
        Path input = Files.writeString(dir.resolve("secrets.csv"), """
                qName,dataSourceId,spaceName,host,database,password,server,privateKeyFile,privateKeyPassphrase,port
                pg-inline,postgres,Finance,h1,d1,%s,,,,
                pg-env,postgres,Finance,h2,d2,${env:QCL_TEST_SECRET},,,,
                sf-file,snowflake,Finance,,,,acme.snowflakecomputing.com,${file:key.p8},%s,
                pg-invalid,postgres,Finance,h3,d3,%s,,,,not-a-port
                pg-missing-env,postgres,Finance,h4,d4,${env:QCL_TEST_NOT_SET_ANYWHERE},,,,
                """.formatted(INLINE, PASSPHRASE, INVALID_ROW));
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when: every logger at DEBUG except the sandbox tenant's own (server-side) ones
            Qcl.Outcome outcome = tenant.qcl(
                    "run",
                    "--input",
                    input.toString(),
                    "--logging.threshold.console=WARN",
                    "--logging.level.root=DEBUG",
                    "--logging.level.dev.qcl=DEBUG",
                    "--logging.level.dev.qcl.sandbox=INFO",
                    "--logging.level.org.eclipse.jetty=INFO",
                    "--logging.level.wiremock=INFO",
                    "--logging.level.com.github.tomakehurst=INFO");

            // then: the secrets reached the tenant...
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(1);
            assertThat(tenant.sandbox().connectionsNamed("pg-inline").get(0).properties())
                    .containsEntry("password", INLINE);
            assertThat(tenant.sandbox().connectionsNamed("pg-env").get(0).properties())
                    .containsEntry("password", ENV);
            assertThat(tenant.sandbox()
                            .connectionsNamed("sf-file")
                            .get(0)
                            .properties()
                            .get("privateKeyFile")
                            .toString())
                    .contains(base64(FILE))
                    .contains("key.p8");
            // ...and are nowhere else
            List<String> secrets = List.of(
                    INLINE,
                    ENV,
                    FILE,
                    base64(FILE),
                    PASSPHRASE,
                    INVALID_ROW,
                    tenant.sandbox().apiKey());
            Path failedCsv = tenant.home().resolve("reports/run-1/failed.csv");
            assertThat(tenant.home().resolve("logs/qcl.log")).exists();
            try (Stream<Path> files = Files.walk(tenant.home())) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> !f.equals(failedCsv))
                        .toList()) {
                    String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    for (String secret : secrets) {
                        assertThat(text).as("%s must not hold a secret", file).doesNotContain(secret);
                    }
                }
            }
            for (String secret : secrets) {
                assertThat(outcome.out() + outcome.err()).doesNotContain(secret);
            }
            // failed.csv echoes the user's own cells: the inline secret, and a reference as its text
            assertThat(failedCsv)
                    .content()
                    .contains(INVALID_ROW)
                    .contains("${env:QCL_TEST_NOT_SET_ANYWHERE}")
                    .doesNotContain(INLINE)
                    .doesNotContain(ENV);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}

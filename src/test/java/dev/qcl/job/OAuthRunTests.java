package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract section 3: a run as an OAuth machine-to-machine client, and exactly one identity. */
class OAuthRunTests {
    static final String CLIENT_ID = "qcl-nightly-bot";
    static final String CLIENT_SECRET = "m2m-secret-Lq4zP8";

    static Path secretFile(Path dir, String secret) throws IOException {
        Path file = dir.resolve("client-secret");
        Files.writeString(file, secret + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    /** A command against the tenant as the OAuth client, with no API key. */
    static Qcl.Outcome asClient(TestTenant tenant, Path secretFile, String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of(
                "--tenant",
                tenant.sandbox().url(),
                "--home",
                tenant.home().toString(),
                "--qcl.oauth.client-id=" + CLIENT_ID,
                "--qcl.oauth.client-secret-file=" + secretFile));
        all.addAll(tenant.database().springArgs());
        return Qcl.run(all.toArray(String[]::new));
    }

    static Path sheet(Path dir, int rows) {
        Sheets sheet = Sheets.s3();
        for (int i = 1; i <= rows; i++) {
            sheet.s3Row("oauth-" + i, "Finance", "eu-west-1", "");
        }
        return sheet.write(dir.resolve("in.csv"));
    }

    @Nested
    class As_an_oauth_client {
        @Test
        void should_create_every_row_with_renewed_tokens_and_keep_secret_and_tokens_out_of_every_file_and_output(
                @TempDir Path dir) throws IOException {
            // given: tokens that live 2 s, and a run of about 3 s (100 ms per answer, one row at a time)
            Path input = sheet(dir, 20);
            try (TestTenant tenant =
                    TestTenant.start(dir, SandboxSettings.defaults().withLatency(Duration.ofMillis(100)))) {
                tenant.sandbox().oauth().register(CLIENT_ID, CLIENT_SECRET).tokenLifetime(Duration.ofSeconds(2));

                // when: everything at DEBUG, into the log file
                Qcl.Outcome outcome = asClient(
                        tenant,
                        secretFile(dir, CLIENT_SECRET),
                        "run",
                        "--input",
                        input.toString(),
                        "--concurrency",
                        "1",
                        "--logging.level.dev.qcl=DEBUG",
                        "--logging.level.dev.qcl.sandbox=INFO",
                        "--logging.threshold.console=WARN");

                // then: every row created, the run outlasted a token and no request came with an expired one
                assertThat(outcome.exitCode()).as(outcome.err()).isZero();
                assertThat(tenant.sandbox().connections()).hasSize(20);
                assertThat(tenant.sandbox().oauth().tokensIssued()).isGreaterThanOrEqualTo(2);
                assertThat(tenant.sandbox().oauth().expiredTokensRefused()).isZero();
                // and neither the client secret nor any token is in the home folder or what qcl printed
                List<String> secrets = new ArrayList<>(tenant.sandbox().oauth().issuedTokens());
                secrets.add(CLIENT_SECRET);
                try (Stream<Path> files = Files.walk(tenant.home())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                        for (String secret : secrets) {
                            assertThat(text)
                                    .as("%s must not hold a secret", file)
                                    .doesNotContain(secret);
                        }
                    }
                }
                for (String secret : secrets) {
                    assertThat(outcome.out() + outcome.err()).doesNotContain(secret);
                }
            }
        }

        @Test
        void should_stop_with_exit_3_naming_the_client_when_the_secret_is_wrong(@TempDir Path dir) throws IOException {
            Path input = sheet(dir, 2);
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.sandbox().oauth().register(CLIENT_ID, CLIENT_SECRET);

                Qcl.Outcome outcome =
                        asClient(tenant, secretFile(dir, "wrong-secret-Jd72"), "run", "--input", input.toString());

                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
                assertThat(outcome.err())
                        .contains("OAuth client '" + CLIENT_ID + "'")
                        .contains("invalid_client")
                        .doesNotContain("wrong-secret-Jd72");
                assertThat(tenant.sandbox().connections()).isEmpty();
            }
        }
    }

    @Nested
    class One_identity {
        @Test
        void should_exit_2_without_sending_when_an_api_key_and_a_client_are_both_set(@TempDir Path dir)
                throws IOException {
            Path input = sheet(dir, 1);
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome outcome = tenant.qcl(
                        "run",
                        "--input",
                        input.toString(),
                        "--qcl.oauth.client-id=" + CLIENT_ID,
                        "--qcl.oauth.client-secret-file=" + secretFile(dir, CLIENT_SECRET));

                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
                assertThat(outcome.err())
                        .contains("two identities")
                        .contains(CLIENT_ID)
                        .doesNotContain(CLIENT_SECRET)
                        .doesNotContain(tenant.sandbox().apiKey());
                assertThat(outcome.err().lines().filter(l -> l.startsWith("qcl:")))
                        .hasSize(1);
                assertThat(tenant.sandbox().server().getAllServeEvents()).isEmpty();
            }
        }

        @Test
        void should_exit_2_when_the_client_has_no_secret(@TempDir Path dir) throws IOException {
            Path input = sheet(dir, 1);
            try (TestTenant tenant = TestTenant.start(dir)) {
                Qcl.Outcome outcome = Qcl.run(
                        "run",
                        "--input",
                        input.toString(),
                        "--tenant",
                        tenant.sandbox().url(),
                        "--home",
                        tenant.home().toString(),
                        "--qcl.oauth.client-id=" + CLIENT_ID);

                assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(2);
                assertThat(outcome.err()).contains("QLIK_CLIENT_SECRET").contains("qcl.oauth.client-secret-file");
                assertThat(tenant.sandbox().server().getAllServeEvents()).isEmpty();
            }
        }
    }
}

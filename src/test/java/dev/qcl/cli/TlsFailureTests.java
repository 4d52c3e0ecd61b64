package dev.qcl.cli;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.qcl.Qcl;
import dev.qcl.Sheets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant whose certificate is not trusted: the command stops at once with exit 3, saying so. */
class TlsFailureTests {

    @Test
    void should_exit_3_at_once_naming_the_host_when_the_certificate_is_not_trusted(@TempDir Path dir)
            throws IOException {
        // given: WireMock's own self-signed certificate on loopback
        WireMockServer tenant = new WireMockServer(
                wireMockConfig().bindAddress("127.0.0.1").httpDisabled(true).dynamicHttpsPort());
        tenant.start();
        Path input = Sheets.s3().s3Row("tls-1", "Finance", "eu-west-1", "").write(dir.resolve("in.csv"));
        Path key = Files.writeString(dir.resolve("key"), "some-key");
        try {
            // when
            Qcl.Outcome outcome = Qcl.against(
                    "https://localhost:" + tenant.httpsPort(),
                    key,
                    dir.resolve("home"),
                    "validate",
                    "--input",
                    input.toString());

            // then
            assertThat(outcome.exitCode()).as(outcome.err()).isEqualTo(3);
            assertThat(outcome.err())
                    .contains("TLS handshake with localhost failed")
                    .contains("not trusted")
                    .doesNotContain("connection dropped")
                    .doesNotContain("6 attempt");
            assertThat(outcome.out()).doesNotContain("Plan:");
        } finally {
            tenant.stop();
        }
    }
}

package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tenant URL pasted with the API root works; another path is a configuration error; a failed validate shows no plan. */
class PastedTenantUrlTests {

    static Path sheet(Path dir) {
        return Sheets.s3().s3Row("pasted-1", "Finance", "eu-west-1", "").write(dir.resolve("in.csv"));
    }

    @Test
    void should_validate_against_the_tenant_when_its_url_ends_in_api_v1(@TempDir Path dir) {
        Path input = sheet(dir);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome outcome = Qcl.against(
                    tenant.sandbox().url() + "/api/v1/",
                    tenant.keyFile(),
                    tenant.home(),
                    "validate",
                    "--input",
                    input.toString());

            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            assertThat(outcome.out()).contains("Plan: 1 to create");
        }
    }

    @Test
    void should_exit_2_without_sending_when_the_url_has_another_path(@TempDir Path dir) {
        Path input = sheet(dir);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome outcome = Qcl.against(
                    tenant.sandbox().url() + "/hub/spaces",
                    tenant.keyFile(),
                    tenant.home(),
                    "validate",
                    "--input",
                    input.toString());

            assertThat(outcome.exitCode()).isEqualTo(2);
            assertThat(outcome.err()).contains("has a path").contains("give the tenant only");
            assertThat(tenant.sandbox().server().getAllServeEvents()).isEmpty();
        }
    }

    @Test
    void should_print_no_plan_when_a_validate_did_not_complete(@TempDir Path dir) throws IOException {
        Path input = sheet(dir);
        Path wrongKey = Files.writeString(dir.resolve("wrong-key"), "not-the-key");
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome outcome = Qcl.against(
                    tenant.sandbox().url(), wrongKey, tenant.home(), "validate", "--input", input.toString());

            assertThat(outcome.exitCode()).isEqualTo(3);
            assertThat(outcome.err()).contains("HTTP 401");
            assertThat(outcome.out()).doesNotContain("Plan:").doesNotContain("Estimate:");
            assertThat(outcome.lastLine()).contains("FAILED");
        }
    }
}

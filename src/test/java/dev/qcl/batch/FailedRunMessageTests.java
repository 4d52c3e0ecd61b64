package dev.qcl.batch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** A run that fails on an unexpected tenant answer says what failed, and can be restarted. */
class FailedRunMessageTests {
    @OnEachDatabase
    void should_name_the_tenant_call_that_failed_and_then_restart_when_a_listing_answers_500(
            TestDatabase.Kind db, @TempDir Path dir) {
        // given
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 3, "Finance")
                .write(dir.resolve("three.csv"));
        try (TestTenant tenant = TestTenant.start(dir, db)) {
            StubMapping broken = tenant.sandbox().server().stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                    .atPriority(1)
                    .willReturn(aResponse().withStatus(500)));

            // when
            Qcl.Outcome failed = tenant.qclUnpaced("run", "--input", input.toString());
            tenant.sandbox().server().removeStub(broken);
            Qcl.Outcome restarted = tenant.qclUnpaced("restart");

            // then
            assertThat(failed.exitCode()).isEqualTo(3);
            assertThat(failed.err()).contains("listing of data connections").contains("500")
                    .doesNotContain("Unable to process chunk");
            assertThat(restarted.exitCode()).as(restarted.err()).isZero();
            assertThat(tenant.sandbox().connections()).hasSize(3);
        }
    }
}

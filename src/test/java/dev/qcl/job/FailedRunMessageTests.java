package dev.qcl.job;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.OnEachDatabase;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestDatabase;
import dev.qcl.TestTenant;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tenant answer that fails a read names the call that failed. A listing that answers 500 fails the
 * rows of that space, not the run (contract section 5.5): the run completes, and {@code rerun-failed}
 * takes those rows again once the tenant answers.
 */
class FailedRunMessageTests {
    @OnEachDatabase
    void should_name_the_tenant_call_that_failed_in_each_row_and_rerun_them_when_a_listing_answers_500(
            TestDatabase.Kind db, @TempDir Path dir) {
        // given
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 3, "Finance")
                .write(dir.resolve("three.csv"));
        try (TestTenant tenant = TestTenant.start(dir, db)) {
            StubMapping broken = tenant.sandbox()
                    .server()
                    .stubFor(get(urlPathEqualTo("/api/v1/data-connections"))
                            .atPriority(1)
                            .willReturn(aResponse().withStatus(500)));

            // when
            Qcl.Outcome failed = tenant.qclUnpaced("run", "--input", input.toString());
            tenant.sandbox().server().removeStub(broken);
            Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed");

            // then
            assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
            assertThat(failed.lastLine()).contains("3 FAILED");
            assertThat(ResultsTable.ofRun(tenant.database(), 1)).hasSize(3).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("FAILED");
                assertThat(row.http()).isEqualTo(500);
                assertThat(row.message())
                        .contains("listing of data connections")
                        .contains("500")
                        .doesNotContain("Unable to process chunk");
            });
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            assertThat(tenant.sandbox().connections()).hasSize(3);
        }
    }
}

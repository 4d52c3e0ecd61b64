package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --map-space} is part of the run: a restart maps the rest of the sheet the same way. */
class SpaceMapRunTests {

    @Test
    void should_map_the_rows_of_a_restarted_run_like_those_of_its_first_execution(@TempDir Path dir) {
        // given: 30 rows for a space the tenant calls Finance, not Finance Dev; the 13th create is refused
        Path input = RerunFailedTests.sheet(Sheets.with(RerunFailedTests.HEADER), "conn", 30, "Finance Dev")
                .write(dir.resolve("from-dev.csv"));
        try (TestTenant tenant = TestTenant.start(dir)) {
            StubMapping refusal = RestartTests.refuseTheCreateOf(tenant, "conn-13");
            Qcl.Outcome first = tenant.qclUnpaced(
                    "run", "--input", input.toString(), "--map-space", "Finance Dev=Finance", RestartTests.CHUNK_OF_5);
            assertThat(first.exitCode()).as(first.err()).isEqualTo(3);
            tenant.sandbox().server().removeStub(refusal);

            // when
            Qcl.Outcome restart = tenant.qclUnpaced("restart", RestartTests.CHUNK_OF_5);

            // then
            assertThat(restart.exitCode()).as(restart.err()).isZero();
            assertThat(tenant.results())
                    .hasSize(30)
                    .extracting(ResultsTable.Row::status)
                    .containsOnly("CREATED");
            assertThat(tenant.sandbox().connections())
                    .hasSize(30)
                    .extracting(StoredConnection::spaceId)
                    .containsOnly(SandboxSeed.FINANCE_SPACE_ID);
        }
    }
}

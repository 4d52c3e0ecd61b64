package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 item 11: {@code rerun-failed --input} matches a name that failed in several spaces by the resolved space. */
class RerunBySpaceTests {
    @Test
    void should_match_a_corrected_row_that_names_by_space_name_the_space_the_run_stored_by_id(@TempDir Path dir)
            throws IOException {
        // given: one name in three spaces given by ID; two rows fail (a bad port), one is created
        Path original = Files.writeString(dir.resolve("original.csv"), """
                qName,dataSourceId,space,spaceName,host,port,database
                shared,postgres,%s,,db.example.com,54O2,d
                shared,postgres,%s,,db.example.com,54O2,d
                shared,postgres,%s,,db.example.com,5432,d
                """.formatted(
                        SandboxSeed.FINANCE_SPACE_ID, SandboxSeed.SALES_SPACE_ID, SandboxSeed.MARKETING_SPACE_ID));
        // the corrected copy names the spaces by name, and keeps the row that was created
        Path corrected = Files.writeString(dir.resolve("corrected.csv"), """
                qName,dataSourceId,space,spaceName,host,port,database
                shared,postgres,,Marketing,db.example.com,5432,d
                shared,postgres,,Finance,db.example.com,5432,d
                shared,postgres,,Sales,db.example.com,5432,d
                """);
        try (TestTenant tenant = TestTenant.start(dir)) {
            Qcl.Outcome first = tenant.qclUnpaced("run", "--input", original.toString());
            assertThat(first.exitCode()).as(first.err()).isEqualTo(1);

            // when
            Qcl.Outcome rerun = tenant.qclUnpaced("rerun-failed", "--input", corrected.toString());

            // then: the two failed rows were taken and created, the created one was not sent again
            assertThat(rerun.exitCode()).as(rerun.err()).isZero();
            List<ResultsTable.Row> rows = ResultsTable.ofRun(tenant.database(), 2);
            assertThat(rows)
                    .extracting(ResultsTable.Row::row, ResultsTable.Row::status)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(3, "CREATED"),
                            org.assertj.core.groups.Tuple.tuple(4, "CREATED"));
            assertThat(tenant.sandbox().connections())
                    .extracting(StoredConnection::spaceId)
                    .containsExactlyInAnyOrder(
                            SandboxSeed.MARKETING_SPACE_ID, SandboxSeed.FINANCE_SPACE_ID, SandboxSeed.SALES_SPACE_ID);
            assertThat(tenant.sandbox().createRequests()).isEqualTo(3);
        }
    }
}

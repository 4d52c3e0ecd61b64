package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.TestTenant;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * The job as the factory builds it, seen from what it leaves in the job repository: a restart of a run
 * made by another qcl version finds the reader's position only under the reader's fixed name.
 */
class LoadJobFactoryTests {
    static final String SHEET = """
            qName,dataSourceId,spaceName,host,port,database
            pg-1,postgres,Sales,db.example.com,5432,a

            pg-2,postgres,Sales,db.example.com,5432,b
            """;

    @Test
    void should_save_the_readers_position_under_its_fixed_name_when_the_rows_step_commits(@TempDir Path dir)
            throws Exception {
        // given
        Path input = Files.writeString(dir.resolve("sheet.csv"), SHEET);
        try (TestTenant tenant = TestTenant.start(dir)) {
            // when
            Qcl.Outcome outcome = tenant.qcl("run", "--input", input.toString());

            // then: three records after the header, the blank one included
            assertThat(outcome.exitCode()).as(outcome.err()).isZero();
            Map<String, Object> context = stepContext(tenant, LoadJobFactory.STEP_NAME);
            assertThat(context).containsEntry(LoadJobFactory.READER_NAME + ".position", 3L);
        }
    }

    /** The execution context saved for the last execution of a step, read with Spring Batch's own serializer. */
    static Map<String, Object> stepContext(TestTenant tenant, String stepName) throws Exception {
        try (Connection c = tenant.database().connect();
                PreparedStatement query = c.prepareStatement(
                        "SELECT x.SHORT_CONTEXT FROM BATCH_STEP_EXECUTION_CONTEXT x JOIN BATCH_STEP_EXECUTION s"
                                + " ON s.STEP_EXECUTION_ID = x.STEP_EXECUTION_ID WHERE s.STEP_NAME = ?"
                                + " ORDER BY s.STEP_EXECUTION_ID DESC")) {
            query.setString(1, stepName);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).as("a saved context of " + stepName).isTrue();
                byte[] saved = rs.getString(1).getBytes(StandardCharsets.ISO_8859_1);
                return new DefaultExecutionContextSerializer().deserialize(new ByteArrayInputStream(saved));
            }
        }
    }
}

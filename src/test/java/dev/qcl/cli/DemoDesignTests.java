package dev.qcl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo exits 0 when its sample ends as designed (the rows marked INVALID on purpose), 1 otherwise. */
class DemoDesignTests {
    static final DemoDesign SAMPLE = DemoDesign.of(Path.of(DemoCommand.SAMPLE));

    static List<RowResult> asDesigned() {
        List<RowResult> results = new ArrayList<>();
        results.add(result("sales-s3-landing", RowStatus.CREATED));
        SAMPLE.invalidOnPurpose().forEach(qName -> results.add(result(qName, RowStatus.INVALID)));
        for (int i = results.size(); i < SAMPLE.rows(); i++) {
            results.add(result("created-" + i, RowStatus.CREATED));
        }
        return results;
    }

    static RowResult result(String qName, RowStatus status) {
        return new RowResult(2, qName, null, "rest", status, null, null, 1, status == RowStatus.INVALID ? "bad" : null);
    }

    @Test
    void should_read_the_rows_marked_invalid_on_purpose_from_the_sample_notes() {
        assertThat(SAMPLE.rows()).isEqualTo(22);
        assertThat(SAMPLE.invalidOnPurpose()).hasSize(4).contains("fin-rest-ledger");
    }

    @Test
    void should_exit_0_when_only_the_rows_meant_to_be_invalid_are_invalid() {
        StringWriter err = new StringWriter();

        boolean matches = SAMPLE.matches(asDesigned());

        assertThat(matches).isTrue();
        assertThat(SAMPLE.exitCode(ExitCode.ROWS_FAILED, matches, new PrintWriter(err)))
                .isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void should_exit_1_and_say_so_when_a_row_failed() {
        List<RowResult> results = asDesigned();
        results.set(0, result("sales-s3-landing", RowStatus.FAILED));
        StringWriter err = new StringWriter();

        boolean matches = SAMPLE.matches(results);

        assertThat(matches).isFalse();
        assertThat(SAMPLE.exitCode(ExitCode.ROWS_FAILED, matches, new PrintWriter(err)))
                .isEqualTo(1);
        assertThat(err.toString()).contains("did not end as designed");
    }

    @Test
    void should_exit_1_when_a_row_meant_to_be_created_is_invalid() {
        List<RowResult> results = asDesigned();
        results.set(0, result("sales-s3-landing", RowStatus.INVALID));

        assertThat(SAMPLE.matches(results)).isFalse();
    }

    @Test
    void should_keep_exit_3_when_the_run_did_not_complete() {
        assertThat(SAMPLE.exitCode(ExitCode.RUN_FAILED, false, new PrintWriter(new StringWriter())))
                .isEqualTo(3);
    }
}

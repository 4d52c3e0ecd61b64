package dev.qcl.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.Qcl;
import dev.qcl.ResultsTable;
import dev.qcl.Sheets;
import dev.qcl.TestTenant;
import dev.qcl.sandbox.SandboxSeed;
import dev.qcl.sandbox.StoredConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names that look equal are equal: a name written with letters and accents apart (NFD) or with a hidden
 * space at an end (a no-break space pasted from a web page) is the same connection as the plain one,
 * in the sheet and on the tenant. A space whose name differs only so is not taken for the sheet's, but
 * the message says why the name that looks right is not found.
 */
class LookalikeNamesTests {
    static final List<String> HEADER = RerunFailedTests.HEADER;
    static final String NFC = "caf\u00e9-db";
    static final String NFD = "cafe\u0301-db";

    @Nested
    class InTheSheet {
        @Test
        void should_take_an_nfd_row_for_a_duplicate_of_the_nfc_row(@TempDir Path dir) {
            // given
            Path input = Sheets.with(HEADER)
                    .row(NFC, "postgres", "Finance", "db1.example.com", "5432", "sales")
                    .row(NFD, "postgres", "Finance", "db2.example.com", "5432", "sales")
                    .write(dir.resolve("in.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome run = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::status, ResultsTable.Row::message)
                        .containsExactly(
                                org.assertj.core.groups.Tuple.tuple("CREATED", ""),
                                org.assertj.core.groups.Tuple.tuple(
                                        "INVALID", "duplicate of row 2 (same qName and space); remove one of them"));
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactly(NFC);
            }
        }

        @Test
        void should_create_a_name_without_the_no_break_space_it_ended_with(@TempDir Path dir) {
            // given
            Path input = Sheets.with(HEADER)
                    .row("sales-db\u00a0", "postgres", "Finance\u00a0", "db1.example.com", "5432", "sales")
                    .row("\u3000hr-db ", "postgres", " Finance", "db2.example.com", "5432", "hr")
                    .write(dir.resolve("in.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome run = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(tenant.sandbox().connections())
                        .extracting(StoredConnection::qName)
                        .containsExactlyInAnyOrder("sales-db", "hr-db");
            }
        }

        @Test
        void should_make_a_row_invalid_when_its_qname_ends_in_a_line_break(@TempDir Path dir) {
            // given: a line break typed with Alt+Enter at the end of the cell
            Path input = Sheets.with(HEADER)
                    .row("sales-db\n", "postgres", "Finance", "db1.example.com", "5432", "sales")
                    .write(dir.resolve("in.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                // when
                Qcl.Outcome run = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(tenant.results())
                        .singleElement()
                        .satisfies(r -> assertThat(r.status()).isEqualTo("INVALID"))
                        .satisfies(r -> assertThat(r.message()).contains("column 'qName' holds a control character"));
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }
    }

    @Nested
    class OnTheTenant {
        @Test
        void should_skip_the_existing_nfc_connection_for_an_nfd_row(@TempDir Path dir) {
            // given
            Path input = Sheets.with(HEADER)
                    .row(NFD, "postgres", "Finance", "db1.example.com", "5432", "sales")
                    .write(dir.resolve("in.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                NFC,
                                "postgres",
                                Map.of("host", "db1.example.com", "port", 5432, "database", "sales"));

                // when
                Qcl.Outcome run = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.lastLine()).contains("0 CREATED, 0 UPDATED, 1 SKIPPED");
                assertThat(tenant.sandbox().createRequests()).isZero();
                assertThat(tenant.sandbox().connections()).hasSize(1);
            }
        }

        @Test
        void should_find_a_connection_whose_name_ends_in_a_no_break_space_and_export_it_as_the_plain_name(
                @TempDir Path dir) throws IOException {
            // given: a connection made by hand, its name pasted with a no-break space at the end
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.sandbox()
                        .addConnection(
                                SandboxSeed.FINANCE_SPACE_ID,
                                "sales-db\u00a0",
                                "postgres",
                                Map.of("host", "db1.example.com", "port", 5432, "database", "sales"),
                                List.of("sales\u00a0"));
                Path sheet = dir.resolve("export.csv");

                // when
                Qcl.Outcome export = tenant.qcl("export", "--space", "Finance", "--output", sheet.toString());
                Qcl.Outcome run = tenant.qcl("run", "--input", sheet.toString(), "--on-existing", "update");

                // then: the sheet has the name as it looks, and the round trip writes nothing
                assertThat(export.exitCode()).as(export.err()).isZero();
                assertThat(Files.readAllLines(sheet).get(1)).startsWith("sales-db,postgres,Finance,sales,");
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertThat(run.lastLine()).as(tenant.results().toString()).contains("0 CREATED, 0 UPDATED, 1 SKIPPED");
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }

        @Test
        void should_say_that_a_space_differs_only_by_a_hidden_space_or_its_unicode_form(@TempDir Path dir) {
            // given
            Path input = Sheets.with(HEADER)
                    .row("pg-1", "postgres", "Treasury", "db1.example.com", "5432", "sales")
                    .row("pg-2", "postgres", "Tr\u00e9sor", "db2.example.com", "5432", "sales")
                    .write(dir.resolve("in.csv"));
            try (TestTenant tenant = TestTenant.start(dir)) {
                tenant.sandbox().addSpace("Treasury\u00a0", "shared");
                tenant.sandbox().addSpace("Tre\u0301sor", "shared");

                // when
                Qcl.Outcome run = tenant.qcl("run", "--input", input.toString());

                // then
                assertThat(run.exitCode()).isEqualTo(1);
                assertThat(tenant.results())
                        .extracting(ResultsTable.Row::message)
                        .containsExactly(
                                "column 'spaceName': no space named 'Treasury'; the tenant has a space named"
                                        + " 'Treasury' with a no-break space (U+00A0) at the end, which looks the same;"
                                        + " rename that space in the tenant, or give its ID in the space column",
                                "column 'spaceName': no space named 'Tr\u00e9sor'; the tenant has a space named"
                                        + " 'Tr\u00e9sor' in another Unicode form (letters and accents as separate"
                                        + " characters, NFD), which looks the same; rename that space in the tenant,"
                                        + " or give its ID in the space column");
                assertThat(tenant.sandbox().writeRequests()).isZero();
            }
        }
    }
}

package dev.qcl.connector;

import static dev.qcl.connector.SpecFixtures.DB;
import static dev.qcl.connector.SpecFixtures.S3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.SpecFixtures.CountingSource;
import dev.qcl.connector.SpecFixtures.MutableClock;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.Reference;
import dev.qcl.csv.ReferenceResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowValidatorTests {
    private static final Map<String, String> ENV =
            Map.of("S3_SECRET", "s3cr3t-value", "DB_PORT", "6543", "BAD_PORT", "65x43");
    private static final String SALES = "5f1c0a0e2b7d4b0001a1b2c3";
    private static final String HR = "5f1c0a0e2b7d4b0001a1b2c4";
    private static final String SHARED_1 = "5f1c0a0e2b7d4b0001a1b2c5";
    private static final String SHARED_2 = "5f1c0a0e2b7d4b0001a1b2c6";

    @TempDir
    Path dir;

    private SpecCache specs;
    private ReferenceResolver references;
    private CsvHeader header;

    @BeforeEach
    void setUp() throws IOException {
        specs = new SpecCache(
                new CountingSource(null),
                dir.resolve("specs"),
                Duration.ofHours(1),
                true,
                new MutableClock(Instant.parse("2025-01-10T08:00:00Z")),
                SpecFixtures.secrets());
        references = new ReferenceResolver(dir, ENV::get);
        Files.writeString(dir.resolve("key.pem"), "PEM");
    }

    /** Sets the header every following row() is built for. */
    private void header(String... columns) {
        header = new CsvHeader(List.of(columns));
    }

    private RowCheck validate(String... cells) {
        FakeSpaces spaces = new FakeSpaces(Map.of(SALES, "Sales", HR, "HR", SHARED_1, "Shared", SHARED_2, "Shared"));
        RowValidator validator = new RowValidator(header, specs, spaces, references, SpecFixtures.secrets());
        return validator.validate(new InputRow(2, List.of(cells)));
    }

    private static RowCheck.Invalid invalid(RowCheck check) {
        assertThat(check).isInstanceOf(RowCheck.Invalid.class);
        return (RowCheck.Invalid) check;
    }

    private static ConnectionDraft valid(RowCheck check) {
        assertThat(check).as("%s", check).isInstanceOf(RowCheck.Valid.class);
        return ((RowCheck.Valid) check).draft();
    }

    private static List<String> messages(RowCheck check) {
        return invalid(check).violations().stream().map(Violation::message).toList();
    }

    @Nested
    class CellCount {
        @Test
        void should_report_only_the_cell_count_when_row_has_fewer_cells_than_header() {
            // given a header of 9 columns
            header(
                    "qName",
                    "dataSourceId",
                    "space",
                    "tags",
                    "region",
                    "bucketName",
                    "accessKey",
                    "secretKey",
                    "# note");

            // when a row with 7 cells (one of them a shifted secret) is validated
            RowCheck check = validate("", S3, "nope", "a", "b", "c", "s3cr3t-value");

            // then
            RowCheck.Invalid invalid = invalid(check);
            assertThat(invalid.message())
                    .isEqualTo("the row has 7 cells, the header has 9; check for an unquoted comma");
            assertThat(invalid.violations())
                    .singleElement()
                    .extracting(Violation::column)
                    .isNull();
            assertThat(invalid.row()).isEqualTo(2);
        }

        @Test
        void should_report_the_cell_count_when_row_has_more_cells_than_header() {
            header("qName", "dataSourceId");

            assertThat(invalid(validate("a", S3, "extra")).message())
                    .startsWith("the row has 3 cells, the header has 2");
        }
    }

    @Nested
    class NameAndDataSource {
        @BeforeEach
        void header() {
            RowValidatorTests.this.header("qName", "dataSourceId", "bucketname");
        }

        @Test
        void should_require_qname_and_data_source() {
            RowCheck check = validate("  ", "", "");

            assertThat(messages(check))
                    .containsExactly(
                            "column 'qName' is empty; every row needs a connection name",
                            "column 'dataSourceId' is empty; every row needs the ID of a data source, such as File_AmazonS3ConnectorV2");
        }

        @Test
        void should_suggest_data_source_and_skip_property_checks_when_data_source_is_unknown() {
            RowCheck.Invalid invalid = invalid(validate("conn", "snowflak", "bucket"));

            assertThat(invalid.message())
                    .isEqualTo("column 'dataSourceId': unknown data source 'snowflak'; did you mean 'snowflake'?");
            assertThat(invalid.dataSourceId()).isEqualTo("snowflak");
            assertThat(invalid.qName()).isEqualTo("conn");
        }

        @Test
        void should_report_data_source_without_spec() {
            assertThat(invalid(validate("conn", "rest", "")).message())
                    .isEqualTo(
                            "column 'dataSourceId': the tenant has no api-specs for data source 'rest' (it may be disabled)");
        }
    }

    @Nested
    class Properties {
        @Test
        void should_suggest_space_for_a_filled_spaceId_column() {
            header("qName", "dataSourceId", "spaceId");

            assertThat(invalid(validate("conn", S3, "6601c0a3e9b1f24d7a5c8e10")).message())
                    .isEqualTo("column 'spaceId' is not a property of File_AmazonS3ConnectorV2; did you mean 'space'?");
        }

        @Test
        void should_suggest_property_when_column_differs_in_case() {
            header("qName", "dataSourceId", "bucketname");

            assertThat(invalid(validate("conn", S3, "bucket")).message())
                    .isEqualTo(
                            "column 'bucketname' is not a property of File_AmazonS3ConnectorV2; did you mean 'bucketName'?");
        }

        @Test
        void should_ignore_empty_cells_of_other_connectors_and_comment_columns() {
            header("qName", "dataSourceId", "bucketName", "host", "# note");

            ConnectionDraft draft = valid(validate("conn", S3, "bucket", "  ", "anything, really"));

            assertThat(draft.properties()).containsOnlyKeys("bucketName");
        }

        @Test
        void should_mark_row_invalid_when_enum_differs_in_case() {
            header("qName", "dataSourceId", "region");

            assertThat(invalid(validate("conn", S3, "US-East-1")).message())
                    .startsWith("column 'region': 'US-East-1' is not"
                            + " an allowed value; did you mean 'us-east-1'? (values are case sensitive; allowed: ");
        }

        @Test
        void should_mark_row_invalid_when_integer_cell_is_not_a_number() {
            header("qName", "dataSourceId", "host", "port");

            assertThat(invalid(validate("conn", DB, "db", "abc")).message())
                    .isEqualTo("column 'port': 'abc' is not an integer; write a whole number such as 5432");
        }

        @Test
        void should_require_properties_the_spec_requires() {
            header("qName", "dataSourceId", "port");
            assertThat(invalid(validate("conn", DB, "1")).message())
                    .isEqualTo("column 'host' is required by test_database; add the column and fill it in");

            header("qName", "dataSourceId", "host");
            assertThat(invalid(validate("conn", DB, " ")).message())
                    .isEqualTo("column 'host' is required by test_database but empty; fill it in");
        }

        @Test
        void should_collect_every_violation_of_a_row() {
            header("qName", "dataSourceId", "space", "host", "port", "ssl", "mode");

            RowCheck.Invalid invalid = invalid(validate("", DB, "nope", "db", "5,4", "maybe", "Read"));

            assertThat(invalid.violations())
                    .extracting(Violation::column)
                    .containsExactly("qName", "space", "port", "ssl", "mode");
            assertThat(invalid.message()).contains("; column 'port': '5,4' is not an integer");
        }

        @Test
        void should_convert_every_type_in_column_order() {
            header(
                    "qName",
                    "dataSourceId",
                    "ssl",
                    "host",
                    "port",
                    "timeoutSeconds",
                    "hosts",
                    "options",
                    "mode",
                    "pass");

            ConnectionDraft draft = valid(validate(
                    " conn ", DB, "Yes", "db.local", " 5432", "2.5", "[\"a\",\"b\"]", "{\"k\": 1}", "write", "pa55"));

            assertThat(draft.qName()).isEqualTo("conn");
            assertThat(draft.properties())
                    .containsExactly(
                            Map.entry("ssl", new PropertyValue.Literal(true, false)),
                            Map.entry("host", new PropertyValue.Literal("db.local", false)),
                            Map.entry("port", new PropertyValue.Literal(5432L, false)),
                            Map.entry(
                                    "timeoutSeconds",
                                    new PropertyValue.Literal(new java.math.BigDecimal("2.5"), false)),
                            Map.entry("hosts", new PropertyValue.Literal(List.of("a", "b"), false)),
                            Map.entry("options", new PropertyValue.Literal(Map.of("k", 1), false)),
                            Map.entry("mode", new PropertyValue.Literal("write", false)),
                            Map.entry("pass", new PropertyValue.Literal("pa55", true)));
        }
    }

    @Nested
    class Spaces {
        @BeforeEach
        void header() {
            RowValidatorTests.this.header("qName", "dataSourceId", "space", "spaceName");
        }

        @Test
        void should_use_personal_space_when_neither_column_is_set() {
            assertThat(valid(validate("conn", S3, "", "")).spaceId()).isNull();
        }

        @Test
        void should_use_space_id_or_resolve_space_name() {
            assertThat(valid(validate("conn", S3, SALES, "")).spaceId()).isEqualTo(SALES);
            assertThat(valid(validate("conn", S3, "", "HR")).spaceId()).isEqualTo(HR);
            assertThat(valid(validate("conn", S3, HR, "HR")).spaceId()).isEqualTo(HR);
        }

        @Test
        void should_reject_unknown_space_id() {
            RowCheck.Invalid invalid = invalid(validate("conn", S3, "nope", ""));

            assertThat(invalid.message()).startsWith("column 'space': no space has the ID 'nope'");
            assertThat(invalid.space()).isEqualTo("nope");
        }

        @Test
        void should_reject_space_name_without_exact_match() {
            assertThat(invalid(validate("conn", S3, "", "sales")).message())
                    .startsWith("column 'spaceName': no space named 'sales'");
        }

        @Test
        void should_reject_space_name_that_several_spaces_have() {
            assertThat(invalid(validate("conn", S3, "", "Shared")).message())
                    .isEqualTo("column 'spaceName': 2 spaces"
                            + " are named 'Shared'; use the space column with one of their IDs: " + SHARED_1 + ", "
                            + SHARED_2);
        }

        @Test
        void should_replace_mapped_space_names_and_ids_before_resolving_them_when_a_space_map_is_given() {
            // given: a sheet from another tenant, where Finance is HR here and an old ID is Sales here
            FakeSpaces spaces = new FakeSpaces(Map.of(SALES, "Sales", HR, "HR"));
            SpaceMap map = SpaceMap.parse(List.of("Finance=HR", "0123456789abcdef01234567=" + SALES));
            RowValidator validator = new RowValidator(header, specs, spaces, references, SpecFixtures.secrets(), map);

            // when
            RowCheck byName = validator.validate(new InputRow(2, List.of("conn", S3, "", " Finance ")));
            RowCheck byId = validator.validate(new InputRow(3, List.of("conn", S3, "0123456789abcdef01234567", "")));
            RowCheck unmapped = validator.validate(new InputRow(4, List.of("conn", S3, "", "Sales")));

            // then
            assertThat(valid(byName).spaceId()).isEqualTo(HR);
            assertThat(valid(byId).spaceId()).isEqualTo(SALES);
            assertThat(valid(unmapped).spaceId()).isEqualTo(SALES);
        }

        @Test
        void should_reject_space_and_space_name_that_name_different_spaces() {
            assertThat(invalid(validate("conn", S3, SALES, "HR")).message())
                    .startsWith("columns 'space' and 'spaceName' name different spaces");
        }
    }

    @Nested
    class Tags {
        @BeforeEach
        void header() {
            RowValidatorTests.this.header("qName", "dataSourceId", "tags");
        }

        @Test
        void should_split_tags_on_semicolons_trim_them_and_drop_empty_ones() {
            assertThat(valid(validate("conn", S3, " migrated ; ;finance;")).tags())
                    .containsExactly("migrated", "finance");
        }

        @Test
        void should_reject_more_than_31_tags() {
            String tags = IntStream.rangeClosed(1, 32).mapToObj(i -> "t" + i).collect(Collectors.joining(";"));

            assertThat(invalid(validate("conn", S3, tags)).message()).contains("32 tags are too many; at most 31");
            assertThat(valid(validate("conn", S3, tags.substring(0, tags.lastIndexOf(';'))))
                            .tags())
                    .hasSize(31);
        }

        @Test
        void should_reject_tag_longer_than_256_bytes_in_utf8() {
            String tag = "é".repeat(129);

            assertThat(invalid(validate("conn", S3, tag)).message()).contains("has 258 bytes; at most 256 bytes");
            assertThat(valid(validate("conn", S3, "é".repeat(128))).tags()).hasSize(1);
        }
    }

    @Nested
    class References {
        @Test
        void should_defer_env_reference_without_keeping_its_value() {
            header("qName", "dataSourceId", "host", "port");

            ConnectionDraft draft = valid(validate("conn", DB, "${env:S3_SECRET}", "${env:DB_PORT}"));

            assertThat(draft.properties().get("port")).isInstanceOf(PropertyValue.Deferred.class);
            assertThat(draft.properties().get("host").secret()).isTrue();
            assertThat(draft.toString()).doesNotContain("s3cr3t-value", "6543").contains("${env:DB_PORT}");
        }

        @Test
        void should_report_missing_variable_and_missing_file() {
            header("qName", "dataSourceId", "secretKey", "accessKey");

            assertThat(messages(validate("conn", S3, "${env:NOPE}", "${file:missing.pem}")))
                    .satisfiesExactly(
                            m -> assertThat(m)
                                    .isEqualTo("column 'secretKey': environment variable NOPE is not set; set it or put"
                                            + " the value in the cell"),
                            m -> assertThat(m).startsWith("column 'accessKey': file missing.pem ("));
        }

        @Test
        void should_check_conversion_of_env_value_without_quoting_it() {
            header("qName", "dataSourceId", "host", "port");

            String message =
                    invalid(validate("conn", DB, "db", "${env:BAD_PORT}")).message();

            assertThat(message)
                    .isEqualTo("column 'port' (${env:BAD_PORT}): the value is not an integer; write a whole"
                            + " number such as 5432");
        }

        @Test
        void should_allow_file_reference_only_for_string_and_array_properties() {
            header("qName", "dataSourceId", "host", "keyFile", "port");

            RowCheck.Invalid invalid =
                    invalid(validate("conn", DB, "${file:key.pem}", "${file:key.pem}", "${file:key.pem}"));

            assertThat(invalid.violations()).singleElement().satisfies(v -> {
                assertThat(v.column()).isEqualTo("port");
                assertThat(v.message()).contains("a ${file:} reference can only fill a string or array property");
            });
        }

        @Test
        void should_defer_file_reference_of_array_property() {
            header("qName", "dataSourceId", "host", "keyFile");

            ConnectionDraft draft = valid(validate("conn", DB, "db", " ${file:key.pem} "));

            assertThat(draft.properties().get("keyFile"))
                    .isEqualTo(new PropertyValue.Deferred(
                            Reference.parse("${file:key.pem}").orElseThrow(),
                            specs.spec(DB).orElseThrow().property("keyFile").orElseThrow()));
        }
    }

    @Nested
    class Secrets {
        @Test
        void should_not_quote_inline_secret_that_fails_conversion() {
            header("qName", "dataSourceId", "host", "pinCode");

            String message = invalid(validate("conn", DB, "db", "12ab")).message();

            assertThat(message)
                    .isEqualTo("column 'pinCode': the value is not an integer; write a whole number such as 5432");
        }

        @Test
        void should_mask_inline_secret_in_draft_to_string() {
            header("qName", "dataSourceId", "accessKey", "secretKey");

            ConnectionDraft draft = valid(validate("conn", S3, "AKIA123", "very-secret"));

            assertThat(draft.properties().get("secretKey").secret()).isTrue();
            assertThat(draft.toString()).doesNotContain("very-secret").contains("secretKey=****", "AKIA123");
            assertThat(draft.properties().get("secretKey").toString()).doesNotContain("very-secret");
        }

        @Test
        void should_not_quote_secret_of_a_column_the_connector_does_not_know() {
            header("qName", "dataSourceId", "password");

            String message = invalid(validate("conn", S3, "hunter2")).message();

            assertThat(message).doesNotContain("hunter2").startsWith("column 'password' is not a property of");
        }
    }

    /** Spaces by ID and name, as a tenant would list them. */
    private record FakeSpaces(Map<String, String> namesById) implements SpaceDirectory {
        @Override
        public boolean exists(String spaceId) {
            return namesById.containsKey(spaceId);
        }

        @Override
        public List<String> idsByExactName(String name) {
            List<String> ids = new ArrayList<>();
            namesById.forEach((id, spaceName) -> {
                if (spaceName.equals(name)) {
                    ids.add(id);
                }
            });
            ids.sort(null);
            return ids;
        }
    }
}

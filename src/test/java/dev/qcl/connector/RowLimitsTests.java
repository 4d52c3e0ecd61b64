package dev.qcl.connector;

import static dev.qcl.connector.SpecFixtures.DB;
import static dev.qcl.connector.SpecFixtures.S3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.SpecFixtures.CountingSource;
import dev.qcl.connector.SpecFixtures.MutableClock;
import dev.qcl.csv.CsvHeader;
import dev.qcl.csv.InputRow;
import dev.qcl.csv.ReferenceResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 8 item 1 and 3: no cell and no refused read can stop a run; both make the row say why. */
class RowLimitsTests {
    private static final String SALES = "5f1c0a0e2b7d4b0001a1b2c3";

    @TempDir
    Path dir;

    private RowCheck validate(SpecSource source, SpaceDirectory spaces, List<String> header, String... cells) {
        SpecCache specs = new SpecCache(
                source,
                dir.resolve("specs"),
                Duration.ofHours(1),
                true,
                new MutableClock(Instant.parse("2025-01-10T08:00:00Z")),
                SpecFixtures.secrets());
        RowValidator validator = new RowValidator(
                new CsvHeader(header), specs, spaces, new ReferenceResolver(dir, name -> null), SpecFixtures.secrets());
        return validator.validate(new InputRow(2, List.of(cells)));
    }

    private RowCheck validate(List<String> header, String... cells) {
        return validate(new CountingSource(null), new Spaces(Map.of(SALES, "Sales")), header, cells);
    }

    private static RowCheck.Invalid invalid(RowCheck check) {
        assertThat(check).as("%s", check).isInstanceOf(RowCheck.Invalid.class);
        return (RowCheck.Invalid) check;
    }

    @Nested
    class Long_cells {
        private final List<String> header = List.of("qName", "dataSourceId", "space", "spaceName", "bucketName");

        @Test
        void should_make_a_row_with_an_overlong_qname_invalid_naming_the_column_and_the_limit() {
            String message =
                    invalid(validate(header, "q".repeat(5000), S3, "", "", "b")).message();

            assertThat(message)
                    .startsWith("column 'qName' has 5000 characters; at most 256 are allowed")
                    .hasSizeLessThan(300);
        }

        @Test
        void should_not_look_up_an_overlong_data_source_or_space() {
            // given a source and spaces that count what they are asked
            CountingSource source = new CountingSource(null);
            Spaces spaces = new Spaces(Map.of(SALES, "Sales"));

            // when
            RowCheck.Invalid invalid = invalid(
                    validate(source, spaces, header, "conn", "d".repeat(300), "s".repeat(300), "n".repeat(300), "b"));

            // then
            assertThat(invalid.violations())
                    .extracting(Violation::column)
                    .containsExactly("dataSourceId", "space", "spaceName");
            assertThat(source.specCalls).hasValue(0);
            assertThat(spaces.lookUps).hasValue(0);
        }

        @Test
        void should_refuse_a_line_break_in_a_name() {
            String message =
                    invalid(validate(header, "two\nlines", S3, "", "", "b")).message();

            assertThat(message)
                    .contains("column 'qName' holds a control character (U+000A")
                    .doesNotContain("\n");
        }

        @Test
        void should_refuse_an_overlong_property_value_without_quoting_it() {
            String message = invalid(validate(header, "conn", S3, "", "", "v".repeat(70_000)))
                    .message();

            assertThat(message)
                    .isEqualTo("column 'bucketName': the value has 70000 characters; at most 65536 are"
                            + " allowed (put longer content in a file and write ${file:PATH})");
        }

        @Test
        void should_spell_out_twenty_violations_and_count_the_rest() {
            // given 30 columns that the connector does not know
            List<String> wide = new ArrayList<>(List.of("qName", "dataSourceId"));
            IntStream.range(0, 30).forEach(i -> wide.add("unknown" + i));
            List<String> cells = new ArrayList<>(List.of("conn", S3));
            IntStream.range(0, 30).forEach(i -> cells.add("x"));

            // when
            String message =
                    invalid(validate(wide, cells.toArray(String[]::new))).message();

            // then
            assertThat(message)
                    .contains("'unknown19'")
                    .doesNotContain("'unknown20'")
                    .endsWith("; and 10 more");
        }
    }

    @Nested
    class Space_names {
        @Test
        void should_suggest_the_space_whose_name_differs_only_in_case() {
            List<String> header = List.of("qName", "dataSourceId", "spaceName", "bucketName");

            String message = invalid(validate(header, "conn", S3, "sales", "b")).message();

            assertThat(message)
                    .isEqualTo("column 'spaceName': no space named 'sales'; did you mean 'Sales'?"
                            + " (space names must match exactly, including case)");
        }
    }

    @Nested
    class Refused_reads {
        private final List<String> header = List.of("qName", "dataSourceId", "spaceName", "host");

        @Test
        void should_fail_the_row_with_the_tenants_status_when_its_api_specs_are_refused() {
            // given a tenant that refuses the spec of one connector
            FaultySource source = new FaultySource(Map.of(
                    DB,
                    new TenantReadException(
                            "api-specs of data source 'test_database' was rejected with HTTP 403: Forbidden", 403, 1)));

            // when
            RowCheck check = validate(source, new Spaces(Map.of(SALES, "Sales")), header, "pg", DB, "Sales", "h");

            // then
            assertThat(check).isInstanceOfSatisfying(RowCheck.ReadFailed.class, failed -> {
                assertThat(failed.httpStatus()).isEqualTo(403);
                assertThat(failed.message()).contains("rejected with HTTP 403");
                assertThat(failed.qName()).isEqualTo("pg");
            });
        }

        @Test
        void should_ask_for_a_refused_spec_once_and_fail_every_row_of_that_connector() {
            FaultySource source = new FaultySource(Map.of(DB, new TenantReadException("refused", 500, 6)));
            SpecCache specs = new SpecCache(
                    source,
                    dir.resolve("specs"),
                    Duration.ofHours(1),
                    true,
                    new MutableClock(Instant.parse("2025-01-10T08:00:00Z")),
                    SpecFixtures.secrets());
            RowValidator validator = new RowValidator(
                    new CsvHeader(header),
                    specs,
                    new Spaces(Map.of(SALES, "Sales")),
                    new ReferenceResolver(dir, name -> null),
                    SpecFixtures.secrets());

            List<RowCheck> checks = IntStream.rangeClosed(2, 4)
                    .mapToObj(row -> validator.validate(new InputRow(row, List.of("pg" + row, DB, "Sales", "h"))))
                    .toList();

            assertThat(checks).allSatisfy(c -> assertThat(c).isInstanceOf(RowCheck.ReadFailed.class));
            assertThat(source.specCalls).hasValue(1);
        }

        @Test
        void should_make_the_row_invalid_when_its_api_specs_are_not_json() {
            FaultySource source = new FaultySource(Map.of());
            source.specs.put(DB, "{not json");

            String message = invalid(
                            validate(source, new Spaces(Map.of(SALES, "Sales")), header, "pg", DB, "Sales", "h"))
                    .message();

            assertThat(message)
                    .startsWith("column 'dataSourceId': the api-specs of data source test_database are not"
                            + " valid JSON");
        }

        @Test
        void should_fail_the_row_when_its_space_look_up_is_refused() {
            Spaces refusing = new Spaces(Map.of(SALES, "Sales")) {
                @Override
                public List<String> idsByExactName(String name) {
                    throw new TenantReadException("search for spaces named 'Sales' was rejected with HTTP 403", 403, 1);
                }
            };

            RowCheck check = validate(new CountingSource(null), refusing, header, "pg", DB, "Sales", "h");

            assertThat(check)
                    .isInstanceOfSatisfying(
                            RowCheck.ReadFailed.class,
                            failed -> assertThat(failed.message()).contains("search for spaces named 'Sales'"));
        }
    }

    /** A spec source whose specs of some data sources are refused. */
    static final class FaultySource extends CountingSource {
        private final Map<String, TenantReadException> refused;

        FaultySource(Map<String, TenantReadException> refused) {
            super(null);
            this.refused = refused;
        }

        @Override
        public Optional<String> apiSpecJson(String dataSourceId) {
            if (refused.containsKey(dataSourceId)) {
                specCalls.incrementAndGet();
                throw refused.get(dataSourceId);
            }
            return super.apiSpecJson(dataSourceId);
        }
    }

    /** Spaces by ID and name; the name search finds any name that holds the text in any case. */
    static class Spaces implements SpaceDirectory {
        final AtomicInteger lookUps = new AtomicInteger();
        private final Map<String, String> namesById;

        Spaces(Map<String, String> namesById) {
            this.namesById = namesById;
        }

        @Override
        public boolean exists(String spaceId) {
            lookUps.incrementAndGet();
            return namesById.containsKey(spaceId);
        }

        @Override
        public List<String> idsByExactName(String name) {
            lookUps.incrementAndGet();
            return namesById.entrySet().stream()
                    .filter(e -> e.getValue().equals(name))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        @Override
        public List<String> namesLike(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return namesById.values().stream()
                    .filter(n -> n.toLowerCase(Locale.ROOT).contains(lower))
                    .collect(Collectors.toList());
        }
    }
}

package dev.qcl.connector;

import static dev.qcl.connector.SpecFixtures.DB;
import static dev.qcl.connector.SpecFixtures.S3;
import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.SpecFixtures.CountingSource;
import dev.qcl.connector.SpecFixtures.MutableClock;
import dev.qcl.csv.CsvHeader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warnings, before a run, about header columns that no connector of the sheet knows. */
class UnknownColumnsTests {
    private static final Instant T0 = Instant.parse("2025-01-10T08:00:00Z");

    @TempDir
    Path dir;

    private final CountingSource source = new CountingSource(T0);

    private List<String> warnings(List<String> columns, List<String> dataSourceIds) {
        SpecCache specs =
                new SpecCache(source, dir, Duration.ofHours(24), true, new MutableClock(T0), SpecFixtures.secrets());
        return UnknownColumns.warnings(new CsvHeader(columns), dataSourceIds, specs);
    }

    @Test
    void should_warn_once_about_a_column_no_connector_knows_and_suggest_a_near_name() {
        // when
        List<String> warnings = warnings(List.of("qName", "dataSourceId", "bucketNmae", "region"), List.of(S3));

        // then
        assertThat(warnings)
                .containsExactly("column 'bucketNmae' is not a property of any connector in this file (" + S3
                        + "); did you mean 'bucketName'?");
    }

    @Test
    void should_suggest_the_reserved_column_that_another_api_names_otherwise_in_any_case() {
        // given: the published OpenAPI's and the older data-connectivity API's names of reserved columns
        List<String> columns = List.of("qName", "dataSourceId", "datasourceID", "SpaceID", "connectionName");

        // when
        List<String> warnings = warnings(columns, List.of(DB));

        // then
        String notKnown = " is not a property of any connector in this file (" + DB + "); did you mean ";
        assertThat(warnings)
                .containsExactly(
                        "column 'datasourceID'" + notKnown + "'dataSourceId'?",
                        "column 'SpaceID'" + notKnown + "'space'?",
                        "column 'connectionName'" + notKnown + "'qName'?");
    }

    @Test
    void should_warn_without_a_suggestion_when_no_known_name_is_close() {
        List<String> warnings = warnings(List.of("qName", "dataSourceId", "colour"), List.of(DB));

        assertThat(warnings)
                .containsExactly("column 'colour' is not a property of any connector in this file (" + DB + ")");
    }

    @Test
    void should_take_a_column_known_to_any_connector_of_the_sheet_and_name_them_all_sorted() {
        // given: region is an S3 property, host a database one, and "colour" of neither
        List<String> columns = List.of("qName", "dataSourceId", "region", "host", "colour");

        // when
        List<String> warnings = warnings(columns, List.of(S3, DB));

        // then
        assertThat(warnings)
                .containsExactly(
                        "column 'colour' is not a property of any connector in this file (" + S3 + ", " + DB + ")");
    }

    @Test
    void should_not_warn_about_reserved_comment_or_blank_columns() {
        List<String> columns = List.of("qName", "dataSourceId", "space", "spaceName", "tags", "# note", "");

        assertThat(warnings(columns, List.of(DB))).isEmpty();
    }

    @Test
    void should_say_nothing_when_no_data_source_of_the_sheet_has_a_spec() {
        // given: a blank ID, one the tenant does not have, and one it lists without a spec (404)
        List<String> warnings = warnings(List.of("qName", "dataSourceId", "colour"), List.of(" ", "nope", "rest"));

        // then: without a spec nothing is known, and every row will say what is wrong with its ID
        assertThat(warnings).isEmpty();
        assertThat(source.specCalls).hasValue(1);
    }

    @Test
    void should_ignore_data_sources_without_a_spec_next_to_one_with_a_spec() {
        List<String> warnings = warnings(List.of("qName", "dataSourceId", "host", "colour"), List.of("nope", "", DB));

        assertThat(warnings)
                .containsExactly("column 'colour' is not a property of any connector in this file (" + DB + ")");
    }
}

package dev.qcl.rows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.PropertySpec;
import dev.qcl.connector.PropertyType;
import dev.qcl.connector.PropertyValue;
import dev.qcl.csv.Reference;
import dev.qcl.csv.ReferenceResolver;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A row's properties as sent: references resolved at the last moment, the secret texts beside them. */
class SendableRowTests {
    @TempDir
    Path dir;

    /** host plain, pass secret, port from {@code ${env:DB_PORT}}. */
    static ConnectionDraft draft() {
        Map<String, PropertyValue> properties = new LinkedHashMap<>();
        properties.put("host", new PropertyValue.Literal("db.example.com", false));
        properties.put("pass", new PropertyValue.Literal("s3cret-pass", true));
        properties.put(
                "port",
                new PropertyValue.Deferred(
                        Reference.parse("${env:DB_PORT}").orElseThrow(),
                        new PropertySpec("port", PropertyType.INTEGER, List.of(), false, false, "")));
        return new ConnectionDraft(2, "pg-1", "postgres", null, List.of(), properties);
    }

    Optional<SendableRow> send(Map<String, String> environment, StringBuilder reason) {
        return SendableRow.of(draft(), new ReferenceResolver(dir, environment::get), reason);
    }

    @Test
    void should_resolve_the_references_and_keep_the_secret_texts_when_every_variable_is_there() {
        // given
        StringBuilder reason = new StringBuilder();

        // when
        Optional<SendableRow> row = send(Map.of("DB_PORT", "6543"), reason);

        // then
        assertThat(row).isPresent();
        assertThat(row.get().properties())
                .containsExactly(
                        Map.entry("host", "db.example.com"),
                        Map.entry("pass", "s3cret-pass"),
                        Map.entry("port", 6543L));
        assertThat(row.get().secrets()).containsExactly("s3cret-pass", "6543");
        assertThat(reason).isEmpty();
    }

    @Test
    void should_give_nothing_and_say_why_when_a_variable_has_gone_since_validation() {
        // given
        StringBuilder reason = new StringBuilder();

        // when
        Optional<SendableRow> row = send(Map.of(), reason);

        // then
        assertThat(row).isEmpty();
        assertThat(reason.toString()).contains("DB_PORT");
    }

    @Test
    void should_give_nothing_and_say_why_when_a_variable_no_longer_fits_its_property() {
        // given
        StringBuilder reason = new StringBuilder();

        // when
        Optional<SendableRow> row = send(Map.of("DB_PORT", "65x43"), reason);

        // then
        assertThat(row).isEmpty();
        assertThat(reason.toString()).startsWith("property 'port' (${env:DB_PORT}): ");
    }

    @Test
    void should_show_the_property_names_but_no_value_when_printed() {
        // given
        SendableRow row = send(Map.of("DB_PORT", "6543"), new StringBuilder()).orElseThrow();

        // when
        String printed = row.toString();

        // then
        assertThat(printed)
                .isEqualTo("SendableRow[properties=[host, pass, port], secrets=****]")
                .doesNotContain("s3cret-pass");
    }
}

package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** How the parser reads a property's type, enum and required flag, and what it refuses. */
class ApiSpecTypesTests {
    private static final Instant NOW = Instant.parse("2025-01-10T08:00:00Z");
    private final ApiSpecParser parser = new ApiSpecParser(JsonMapper.builder().build(), new SecretPolicy(List.of()));

    private ApiSpec parse(String json) {
        return parser.parse("x", parser.readTree("x", json), NOW);
    }

    private PropertySpec property(String propertyJson) {
        return parse("{\"connectionProperties\": {\"properties\": {\"p\": " + propertyJson + "}}}")
                .property("p")
                .orElseThrow();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"integer\"}                      | INTEGER",
                "{\"type\": [\"integer\", \"null\"]}          | INTEGER",
                "{\"type\": [\"null\", \"boolean\"]}          | BOOLEAN",
                "{\"type\": [\"null\"]}                       | STRING",
                "{\"type\": []}                               | STRING",
                "{\"type\": [5, \"number\"]}                  | NUMBER",
                "{\"type\": 5}                                | STRING",
                "{\"type\": \"null\"}                         | STRING"
            })
    void should_take_the_first_type_that_is_not_null_from_a_list_of_types(String propertyJson, PropertyType type) {
        assertThat(property(propertyJson).type()).isEqualTo(type);
    }

    @Test
    void should_read_enum_values_as_text_without_nulls_or_nested_values() {
        PropertySpec property = property("{\"type\": \"integer\", \"enum\": [1, \"2\", null, [3], {\"a\": 4}, true]}");

        assertThat(property.allowedValues()).containsExactly("1", "2", "true");
    }

    @Test
    void should_take_a_property_as_required_from_the_list_or_from_its_own_flag() {
        ApiSpec spec = parse("""
                {"connectionProperties": {
                  "properties": {"a": {}, "b": {"required": true}, "c": {"required": false}, "d": {"required": "yes"}},
                  "required": ["a", 7]
                }}
                """);

        assertThat(spec.property("a").orElseThrow().required()).isTrue();
        assertThat(spec.property("b").orElseThrow().required()).isTrue();
        assertThat(spec.property("c").orElseThrow().required()).isFalse();
        assertThat(spec.property("d").orElseThrow().required()).isFalse();
    }

    @Test
    void should_take_a_property_formatted_as_a_password_in_any_case_as_secret() {
        assertThat(property("{\"format\": \"PassWord\"}").secret()).isTrue();
        assertThat(property("{\"format\": \"uri\"}").secret()).isFalse();
    }

    @Test
    void should_keep_the_description() {
        assertThat(property("{\"description\": \"The host\"}").description()).isEqualTo("The host");
    }

    @Test
    void should_read_a_spec_without_connection_properties_as_one_without_properties() {
        ApiSpec spec = parse("{\"connectorVersion\": \"2\"}");

        assertThat(spec.properties()).isEmpty();
        assertThat(spec.connectorVersion()).isEqualTo("2");
        assertThat(spec.connectorProvider()).isEmpty();
    }

    @Test
    void should_refuse_properties_that_are_not_an_object() {
        assertThatThrownBy(() -> parse("{\"connectionProperties\": {\"properties\": [\"host\"]}}"))
                .isInstanceOf(InvalidApiSpecException.class)
                .hasMessageContaining("connectionProperties.properties");
    }

    @Test
    void should_refuse_text_that_is_not_json_or_not_an_object() {
        assertThatThrownBy(() -> parser.readTree("x", "{\"a\": "))
                .isInstanceOf(InvalidApiSpecException.class)
                .hasMessageContaining("data source x");
        assertThatThrownBy(() -> parser.readTree("x", "\"text\""))
                .isInstanceOf(InvalidApiSpecException.class)
                .hasMessageContaining("are not a JSON object");
        assertThatThrownBy(() -> parser.readTree("x", "")).isInstanceOf(InvalidApiSpecException.class);
    }

    @Test
    void should_take_a_missing_or_unknown_type_name_for_string_and_name_types_as_the_specs_write_them() {
        assertThat(PropertyType.of(null)).isEqualTo(PropertyType.STRING);
        assertThat(PropertyType.of(" Integer ")).isEqualTo(PropertyType.INTEGER);
        assertThat(PropertyType.of("matrix")).isEqualTo(PropertyType.STRING);
        assertThat(PropertyType.OBJECT.specName()).isEqualTo("object");
    }
}

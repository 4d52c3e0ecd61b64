package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conversions at the edges: the largest longs, enums of other types, JSON values, secrets. */
class ValueConverterLimitsTests {
    private final ValueConverter converter = new ValueConverter();

    private static PropertySpec property(PropertyType type, String... allowed) {
        return new PropertySpec("p", type, List.of(allowed), false, false, "");
    }

    @Test
    void should_keep_the_largest_and_smallest_long_as_long_and_go_to_big_integer_just_beyond() {
        assertThat(converter
                        .convert("9223372036854775807", property(PropertyType.INTEGER), false)
                        .value())
                .isEqualTo(Long.MAX_VALUE);
        assertThat(converter
                        .convert("-9223372036854775808", property(PropertyType.INTEGER), false)
                        .value())
                .isEqualTo(Long.MIN_VALUE);
        assertThat(converter
                        .convert("9223372036854775808", property(PropertyType.INTEGER), false)
                        .value())
                .isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(converter
                        .convert("+7", property(PropertyType.INTEGER), false)
                        .value())
                .isEqualTo(7L);
    }

    @Test
    void should_read_decimal_forms_with_a_sign_or_without_leading_digits() {
        assertThat(converter
                        .convert(" -.5 ", property(PropertyType.NUMBER), false)
                        .value())
                .isEqualTo(new BigDecimal("-0.5"));
        assertThat(converter.convert("3.", property(PropertyType.NUMBER), false).value())
                .isEqualTo(new BigDecimal("3"));
    }

    @Test
    void should_say_what_is_wrong_with_the_type_before_checking_the_allowed_values() {
        // given: an integer property with an enum
        PropertySpec port = property(PropertyType.INTEGER, "1", "2");

        // when
        Conversion conversion = converter.convert("abc", port, false);

        // then
        assertThat(conversion.error()).isEqualTo("'abc' is not an integer; write a whole number such as 5432");
    }

    @Test
    void should_compare_a_converted_value_with_the_allowed_values_without_its_spaces() {
        PropertySpec port = property(PropertyType.INTEGER, "1", "2");

        assertThat(converter.convert(" 2 ", port, false).value()).isEqualTo(2L);
        assertThat(converter.convert("3", port, false).error())
                .isEqualTo("'3' is not an allowed value; use one of 1, 2 (values are case sensitive)");
    }

    @Test
    void should_compare_a_string_with_the_allowed_values_as_written() {
        PropertySpec mode = property(PropertyType.STRING, "read", "write");

        assertThat(converter.convert("read", mode, false).value()).isEqualTo("read");
        assertThat(converter.convert(" read", mode, false).succeeded()).isFalse();
    }

    @Test
    void should_convert_json_arrays_and_objects_to_lists_and_maps() {
        assertThat(converter
                        .convert("[1, \"a\"]", property(PropertyType.ARRAY), false)
                        .value())
                .isEqualTo(List.of(1, "a"));
        assertThat(converter
                        .convert("{\"k\": [true]}", property(PropertyType.OBJECT), false)
                        .value())
                .isEqualTo(Map.of("k", List.of(true)));
    }

    @Test
    void should_refuse_empty_text_for_json_properties() {
        assertThat(converter.convert("", property(PropertyType.ARRAY), false).error())
                .isEqualTo("'' is not a JSON array; write one such as [\"a\", \"b\"]");
        assertThat(converter.convert(" ", property(PropertyType.OBJECT), false).error())
                .isEqualTo("' ' is not a JSON object; write one such as {\"key\": \"value\"}");
    }

    @Test
    void should_hide_the_value_of_a_property_the_spec_marks_secret() {
        PropertySpec pin = new PropertySpec("pin", PropertyType.INTEGER, List.of(), false, true, "");

        assertThat(converter.convert("12x4", pin, false).error())
                .isEqualTo("the value is not an integer; write a whole number such as 5432");
    }

    @Test
    void should_list_the_allowed_values_without_a_suggestion_for_a_secret_near_miss() {
        PropertySpec mode = property(PropertyType.STRING, "read", "write");

        assertThat(converter.convert("Read", mode, true).error())
                .isEqualTo("the value is not an allowed value; use one of read, write (values are case sensitive)");
    }
}

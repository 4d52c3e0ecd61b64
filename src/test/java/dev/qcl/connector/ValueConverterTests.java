package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueConverterTests {
    private final ValueConverter converter = new ValueConverter();

    private static PropertySpec property(PropertyType type, String... allowed) {
        return new PropertySpec("p", type, List.of(allowed), false, false, "");
    }

    private Conversion convert(String text, PropertyType type) {
        return converter.convert(text, property(type), false);
    }

    @Nested
    class Strings {
        @Test
        void should_keep_string_as_is_with_its_spaces() {
            assertThat(convert(" a b ", PropertyType.STRING).value()).isEqualTo(" a b ");
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest
        @CsvSource({
            "true,true",
            "TRUE,true",
            " yes ,true",
            "Yes,true",
            "1,true",
            "false,false",
            "False,false",
            "no,false",
            "NO,false",
            "0,false"
        })
        void should_read_every_boolean_form_in_any_case(String text, boolean expected) {
            assertThat(convert(text, PropertyType.BOOLEAN).value()).isEqualTo(expected);
        }

        @Test
        void should_fail_with_advice_when_text_is_not_a_boolean() {
            Conversion conversion = convert("maybe", PropertyType.BOOLEAN);

            assertThat(conversion.succeeded()).isFalse();
            assertThat(conversion.error())
                    .isEqualTo("'maybe' is not a boolean; write true or false (yes/no and 1/0 work too)");
        }
    }

    @Nested
    class Numbers {
        @Test
        void should_read_integers_as_long_and_huge_ones_as_big_integer() {
            assertThat(convert(" 5432 ", PropertyType.INTEGER).value()).isEqualTo(5432L);
            assertThat(convert("-1", PropertyType.INTEGER).value()).isEqualTo(-1L);
            assertThat(convert("123456789012345678901234567890", PropertyType.INTEGER)
                            .value())
                    .isEqualTo(new BigInteger("123456789012345678901234567890"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,5", "0x10", "1e3", "1.5", "abc", "", "5 432"})
        void should_reject_text_that_is_not_a_whole_decimal_number(String text) {
            Conversion conversion = convert(text, PropertyType.INTEGER);

            assertThat(conversion.succeeded()).isFalse();
            assertThat(conversion.error())
                    .isEqualTo("'" + text + "' is not an integer; write a whole number such as 5432");
        }

        @Test
        void should_read_numbers_as_big_decimal() {
            assertThat(convert("1.5", PropertyType.NUMBER).value()).isEqualTo(new BigDecimal("1.5"));
            assertThat(convert(" -30 ", PropertyType.NUMBER).value()).isEqualTo(new BigDecimal("-30"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1,5", "abc", "1.2.3"})
        void should_reject_text_that_is_not_a_decimal_number(String text) {
            assertThat(convert(text, PropertyType.NUMBER).error()).contains("is not a number");
        }
    }

    @Nested
    class Json {
        @Test
        void should_read_array_from_json_text() {
            assertThat(convert("[\"a\", 2]", PropertyType.ARRAY).value()).isEqualTo(List.of("a", 2));
        }

        @Test
        void should_read_object_from_json_text() {
            assertThat(convert("{\"k\": {\"n\": true}}", PropertyType.OBJECT).value())
                    .isEqualTo(Map.of("k", Map.of("n", true)));
        }

        @Test
        void should_reject_json_of_the_other_kind_and_text_that_is_not_json() {
            assertThat(convert("{\"k\": 1}", PropertyType.ARRAY).error()).contains("is not a JSON array");
            assertThat(convert("[1]", PropertyType.OBJECT).error()).contains("is not a JSON object");
            assertThat(convert("a, b", PropertyType.ARRAY).error()).contains("is not a JSON array");
            assertThat(convert("[1] [2]", PropertyType.ARRAY).error()).contains("is not a JSON array");
        }
    }

    @Nested
    class Enums {
        private final PropertySpec region = property(PropertyType.STRING, "us-east-1", "us-west-2", "eu-west-1");

        @Test
        void should_accept_value_that_matches_exactly() {
            assertThat(converter.convert("us-west-2", region, false).value()).isEqualTo("us-west-2");
        }

        @Test
        void should_suggest_allowed_value_when_value_differs_in_case() {
            Conversion conversion = converter.convert("US-East-1", region, false);

            assertThat(conversion.error())
                    .isEqualTo("'US-East-1' is not an allowed value; did you mean 'us-east-1'?"
                            + " (values are case sensitive; allowed: us-east-1, us-west-2, eu-west-1)");
        }

        @Test
        void should_suggest_allowed_value_when_value_is_two_edits_away() {
            assertThat(converter.convert("eu-wst1", region, false).error()).contains("did you mean 'eu-west-1'?");
        }

        @Test
        void should_list_allowed_values_when_value_is_far_from_all_of_them() {
            Conversion conversion = converter.convert("mars-north-7", region, false);

            assertThat(conversion.error())
                    .isEqualTo("'mars-north-7' is not an allowed value; use one of us-east-1,"
                            + " us-west-2, eu-west-1 (values are case sensitive)");
        }

        @Test
        void should_check_enum_of_non_string_type_after_conversion() {
            PropertySpec level = property(PropertyType.INTEGER, "1", "2");

            assertThat(converter.convert(" 2 ", level, false).value()).isEqualTo(2L);
            assertThat(converter.convert("3", level, false).succeeded()).isFalse();
        }
    }

    @Nested
    class Secrets {
        @Test
        void should_not_quote_value_when_it_is_secret() {
            Conversion conversion = converter.convert("hunter2", property(PropertyType.INTEGER), true);

            assertThat(conversion.error()).isEqualTo("the value is not an integer; write a whole number such as 5432");
            assertThat(conversion.toString()).doesNotContain("hunter2");
        }

        @Test
        void should_not_suggest_a_near_value_when_it_is_secret() {
            PropertySpec secretEnum =
                    new PropertySpec("token", PropertyType.STRING, List.of("abcdef"), false, true, "");

            assertThat(converter.convert("abcdeg", secretEnum, false).error())
                    .doesNotContain("abcdeg")
                    .doesNotContain("did you mean");
        }

        @Test
        void should_not_show_value_in_to_string_of_success() {
            assertThat(Conversion.of("hunter2").toString()).doesNotContain("hunter2");
        }
    }
}

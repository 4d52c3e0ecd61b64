package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** The one line of text made from the tenant's error body. */
class TenantErrorsTests {
    private final JsonMapper mapper = JsonMapper.builder().build();

    private String describe(String body) {
        return TenantErrors.describe(new RawResponse(400, null, body.getBytes(StandardCharsets.UTF_8)), mapper);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"errors\":[{\"code\":\"X\",\"title\":\" Bad request \",\"detail\":\" qName is taken \",\"status\":\"400\"}]}"
                        + " | Bad request - qName is taken",
                "{\"errors\":[{\"title\":\"Bad request\"}]}                          | Bad request",
                "{\"errors\":[{\"title\":\" \",\"detail\":\"qName is taken\"}]}       | qName is taken",
                "{\"errors\":[{\"title\":\"Bad request\",\"detail\":\"\"}]}           | Bad request",
                "{\"errors\":[{\"title\":\"First\"},{\"title\":\"Second\"}]}          | First",
                "{\"errors\":[{\"code\":\"X\"}]}                                      | no error details from the tenant",
                "{\"errors\":[]}                                                      | no error details from the tenant",
                "{\"errors\":null}                                                    | no error details from the tenant",
                "{}                                                                   | no error details from the tenant",
                "null                                                                 | no error details from the tenant",
                "<html>Bad gateway</html>                                             | no error details from the tenant",
                "''                                                                   | no error details from the tenant"
            })
    void should_join_title_and_detail_of_the_first_error_and_say_so_when_there_are_none(String body, String text) {
        assertThat(describe(body)).isEqualTo(text);
    }
}

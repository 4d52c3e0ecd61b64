package dev.qcl.qlik;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Contract section 8: a secret is masked also where the tenant echoes it escaped or encoded. */
class SecretMaskerTests {
    private static final String SECRET = "pa\"ss/wörd+1 x\\y";
    private final SecretMasker masker = new SecretMasker("api-key-123", List.of(SECRET));

    @Test
    void should_mask_the_secret_as_written() {
        assertThat(masker.mask("rejected " + SECRET + " and api-key-123")).isEqualTo("rejected **** and ****");
    }

    @Test
    void should_mask_the_secret_json_escaped_as_a_json_writer_echoes_it() {
        String json = JsonMapper.builder().build().writeValueAsString(SECRET);
        String inner = json.substring(1, json.length() - 1);

        assertThat(inner).isNotEqualTo(SECRET);
        assertThat(masker.mask("body {\"secretKey\":\"" + inner + "\"}")).isEqualTo("body {\"secretKey\":\"****\"}");
    }

    @Test
    void should_mask_the_secret_json_escaped_with_ascii_escapes_and_escaped_slashes() {
        String ascii = "pa\\\"ss\\/w\\u00F6rd+1 x\\\\y";

        assertThat(masker.mask("echo " + ascii)).isEqualTo("echo ****");
        assertThat(masker.mask("echo " + ascii.replace("\\u00F6", "\\u00f6"))).isEqualTo("echo ****");
    }

    @Test
    void should_mask_the_secret_url_encoded_in_either_form() {
        String form = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);

        assertThat(masker.mask("GET /x?secret=" + form)).isEqualTo("GET /x?secret=****");
        assertThat(masker.mask("GET /x?secret=" + form.replace("+", "%20"))).isEqualTo("GET /x?secret=****");
        assertThat(masker.mask("GET /x?secret=" + form.toLowerCase())).contains("****");
    }

    @Test
    void should_mask_a_secret_that_contains_another_whole() {
        SecretMasker nested = new SecretMasker((String) null, List.of("abc", "xxabcxx"));

        assertThat(nested.mask("xxabcxx and abc")).isEqualTo("**** and ****");
    }
}

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

    @Test
    void should_mask_a_tilde_as_written_next_to_a_non_ascii_escape() {
        SecretMasker tilde = new SecretMasker((String) null, List.of("x~\u00e9"));

        assertThat(tilde.mask("echo x~\\u00e9 and x~\\u00E9")).isEqualTo("echo **** and ****");
    }

    @Test
    void should_mask_a_space_as_written_inside_a_json_escaped_secret() {
        SecretMasker spaced = new SecretMasker((String) null, List.of("a \"b"));

        assertThat(spaced.mask("echo a \\\"b")).isEqualTo("echo ****");
    }

    @Test
    void should_ignore_empty_live_secrets() {
        SecretMasker live = new SecretMasker(() -> java.util.Arrays.asList("", null, "tok-1"), List.of());

        assertThat(live.mask("abc tok-1")).isEqualTo("abc ****");
    }
}

package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.qcl.csv.Reference;
import dev.qcl.csv.ReferenceResolver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyValuesTests {
    private static final String PEM_BASE64 = Base64.getEncoder().encodeToString("PEM".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private final Map<String, String> env =
            new LinkedHashMap<>(Map.of("PORT", " 6543 ", "SSL", "yes", "PASS", "s3cr3t"));
    private ReferenceResolver references;

    @BeforeEach
    void setUp() throws IOException {
        Files.createDirectories(dir.resolve("keys"));
        Files.writeString(dir.resolve("keys/client.pem"), "PEM");
        references = new ReferenceResolver(dir, env::get);
    }

    private static PropertySpec property(String name, PropertyType type) {
        return new PropertySpec(name, type, List.of(), false, false, "");
    }

    private static PropertyValue deferred(String reference, String name, PropertyType type) {
        return new PropertyValue.Deferred(Reference.parse(reference).orElseThrow(), property(name, type));
    }

    private static ConnectionDraft draft(Map<String, PropertyValue> properties) {
        return new ConnectionDraft(2, "conn", SpecFixtures.DB, null, List.of(), properties);
    }

    @Nested
    class Resolving {
        @Test
        void should_send_literals_as_converted_and_env_values_converted_by_type_in_order() {
            // given
            Map<String, PropertyValue> properties = new LinkedHashMap<>();
            properties.put("host", new PropertyValue.Literal("db", false));
            properties.put("port", deferred("${env:PORT}", "port", PropertyType.INTEGER));
            properties.put("ssl", deferred("${env:SSL}", "ssl", PropertyType.BOOLEAN));
            properties.put("pass", deferred("${env:PASS}", "pass", PropertyType.STRING));

            // when
            Map<String, Object> body = PropertyValues.resolve(draft(properties), references);

            // then
            assertThat(body)
                    .containsExactly(
                            Map.entry("host", "db"),
                            Map.entry("port", 6543L),
                            Map.entry("ssl", true),
                            Map.entry("pass", "s3cr3t"));
        }

        @Test
        void should_send_file_as_base64_text_for_string_and_as_name_value_list_for_array() {
            // given
            Map<String, PropertyValue> properties = new LinkedHashMap<>();
            properties.put("certificate", deferred("${file:keys/client.pem}", "certificate", PropertyType.STRING));
            properties.put("keyFile", deferred("${file:keys/client.pem}", "keyFile", PropertyType.ARRAY));

            // when
            Map<String, Object> body = PropertyValues.resolve(draft(properties), references);

            // then
            assertThat(body.get("certificate")).isEqualTo(PEM_BASE64);
            assertThat(body.get("keyFile")).isEqualTo(List.of(Map.of("name", "client.pem", "value", PEM_BASE64)));
        }

        @Test
        void should_throw_without_the_value_when_env_value_no_longer_fits_its_type() {
            // given the variable changed after validation
            env.put("PORT", "not-a-port");
            ConnectionDraft draft = draft(Map.of("port", deferred("${env:PORT}", "port", PropertyType.INTEGER)));

            // when / then
            assertThatThrownBy(() -> PropertyValues.resolve(draft, references))
                    .isInstanceOf(PropertyValues.UnusableReferenceException.class)
                    .hasMessageContaining("${env:PORT}")
                    .hasMessageNotContaining("not-a-port");
        }

        @Test
        void should_throw_unresolved_reference_when_variable_is_gone() {
            env.remove("PASS");
            ConnectionDraft draft = draft(Map.of("pass", deferred("${env:PASS}", "pass", PropertyType.STRING)));

            assertThatThrownBy(() -> PropertyValues.resolve(draft, references))
                    .isInstanceOf(ReferenceResolver.UnresolvedReferenceException.class);
        }
    }

    @Nested
    class SecretTexts {
        @Test
        void should_list_inline_secrets_and_resolved_references_but_not_plain_values() {
            // given
            Map<String, PropertyValue> properties = new LinkedHashMap<>();
            properties.put("host", new PropertyValue.Literal("db", false));
            properties.put("secretKey", new PropertyValue.Literal("inline-secret", true));
            properties.put("separateCredentials", new PropertyValue.Literal(false, true));
            properties.put("pass", deferred("${env:PASS}", "pass", PropertyType.STRING));
            properties.put("keyFile", deferred("${file:keys/client.pem}", "keyFile", PropertyType.ARRAY));

            // when
            List<String> secrets = PropertyValues.secretTexts(draft(properties), references);

            // then
            assertThat(secrets).containsExactly("inline-secret", "s3cr3t", PEM_BASE64);
        }
    }

    @Nested
    class Masking {
        @Test
        void should_mask_secret_literal_but_show_plain_one() {
            assertThat(new PropertyValue.Literal("hunter2", true).toString())
                    .doesNotContain("hunter2")
                    .contains("****");
            assertThat(new PropertyValue.Literal("db", false).toString()).contains("db");
        }

        @Test
        void should_show_reference_text_in_draft_to_string() {
            ConnectionDraft draft = draft(Map.of("pass", deferred("${env:PASS}", "pass", PropertyType.STRING)));

            assertThat(draft.toString()).contains("pass=${env:PASS}").doesNotContain("s3cr3t");
        }
    }
}

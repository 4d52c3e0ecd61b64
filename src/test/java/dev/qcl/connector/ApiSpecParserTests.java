package dev.qcl.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ApiSpecParserTests {
    private static final Instant NOW = Instant.parse("2025-01-10T08:00:00Z");
    private final ApiSpecParser parser =
            new ApiSpecParser(JsonMapper.builder().build(), new SecretPolicy(List.of("bucketName")));

    private ApiSpec parse(String id, String json) {
        return parser.parse(id, parser.readTree(id, json), NOW);
    }

    @Test
    void should_read_tutorial_s3_spec_in_order_with_enum_and_versions() {
        // when
        ApiSpec spec = parse(SpecFixtures.S3, SpecFixtures.S3_SPEC);

        // then
        assertThat(spec.connectorProvider()).isEqualTo("QvWebStorageProviderConnectorPackage.exe");
        assertThat(spec.connectorVersion()).isEqualTo("4.46.0");
        assertThat(spec.fetchedAt()).isEqualTo(NOW);
        assertThat(spec.properties().keySet()).startsWith("region", "bucketName", "storeSseHeader");
        PropertySpec region = spec.property("region").orElseThrow();
        assertThat(region.allowedValues()).contains("us-east-1", "eu-west-1");
        assertThat(region.required()).isFalse();
        assertThat(spec.property("separateCredentials").orElseThrow().type()).isEqualTo(PropertyType.BOOLEAN);
    }

    @Test
    void should_mark_secrets_by_name_by_password_format_and_by_configuration() {
        // when
        ApiSpec s3 = parse(SpecFixtures.S3, SpecFixtures.S3_SPEC);
        ApiSpec db = parse(SpecFixtures.DB, SpecFixtures.DB_SPEC);

        // then
        assertThat(s3.property("secretKey").orElseThrow().secret()).isTrue();
        assertThat(s3.property("bucketName").orElseThrow().secret()).isTrue();
        assertThat(s3.property("accessKey").orElseThrow().secret()).isFalse();
        assertThat(db.property("pass").orElseThrow().secret()).isTrue();
        assertThat(db.property("host").orElseThrow().secret()).isFalse();
    }

    @Test
    void should_read_required_list_and_treat_unknown_or_missing_types_as_string() {
        // when
        ApiSpec db = parse(SpecFixtures.DB, SpecFixtures.DB_SPEC);

        // then
        assertThat(db.property("host").orElseThrow().required()).isTrue();
        assertThat(db.property("port").orElseThrow().required()).isFalse();
        assertThat(db.property("port").orElseThrow().type()).isEqualTo(PropertyType.INTEGER);
        assertThat(db.property("odd").orElseThrow().type()).isEqualTo(PropertyType.STRING);
        assertThat(db.property("untyped").orElseThrow().type()).isEqualTo(PropertyType.STRING);
    }

    @Test
    void should_reject_spec_that_is_not_a_json_object() {
        assertThatThrownBy(() -> parse("x", "[1, 2]"))
                .isInstanceOf(InvalidApiSpecException.class)
                .hasMessageContaining("data source x");
    }
}

package dev.qcl.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.qcl.connector.ApiSpec;
import dev.qcl.connector.PropertySpec;
import dev.qcl.connector.PropertyType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ExportSheetTests {
    private static final ApiSpec DB = spec(
            "db",
            new PropertySpec("host", PropertyType.STRING, List.of(), true, false, ""),
            new PropertySpec("port", PropertyType.INTEGER, List.of(), false, false, ""),
            new PropertySpec("ratio", PropertyType.NUMBER, List.of(), false, false, ""),
            new PropertySpec("ssl", PropertyType.BOOLEAN, List.of(), false, false, ""),
            new PropertySpec("options", PropertyType.OBJECT, List.of(), false, false, ""),
            new PropertySpec("password", PropertyType.STRING, List.of(), false, true, ""),
            new PropertySpec("keyFile", PropertyType.ARRAY, List.of(), false, true, ""));
    private static final ApiSpec API = spec(
            "api",
            new PropertySpec("url", PropertyType.STRING, List.of(), true, false, ""),
            new PropertySpec("host", PropertyType.STRING, List.of(), false, false, ""),
            new PropertySpec("apiKey", PropertyType.STRING, List.of(), false, true, ""));

    private static ApiSpec spec(String id, PropertySpec... properties) {
        Map<String, PropertySpec> byName = new LinkedHashMap<>();
        for (PropertySpec property : properties) {
            byName.put(property.name(), property);
        }
        return new ApiSpec(id, "provider", "1.0", Instant.EPOCH, byName);
    }

    private static ExportedConnection connection(
            String id, String qName, String dataSourceId, Map<String, Object> properties) {
        return new ExportedConnection(
                id,
                qName,
                dataSourceId,
                "s1",
                "Finance",
                List.of("DcaasAPI:x:1", "team;a", "qcl:nightly", "b"),
                properties);
    }

    private static Map<String, ApiSpec> specs() {
        Map<String, ApiSpec> specs = new LinkedHashMap<>();
        specs.put("db", DB);
        specs.put("api", API);
        return specs;
    }

    @Nested
    class Columns {
        @Test
        void should_put_the_union_of_properties_in_spec_order_between_the_reserved_and_the_comment_columns() {
            assertThat(new ExportSheet(specs(), null).header())
                    .containsExactly(
                            "qName",
                            "dataSourceId",
                            "spaceName",
                            "tags",
                            "host",
                            "port",
                            "ratio",
                            "ssl",
                            "options",
                            "password",
                            "keyFile",
                            "url",
                            "apiKey",
                            "# id",
                            "# space id");
        }
    }

    @Nested
    class Cells {
        @Test
        void should_write_values_as_text_that_run_converts_back_to_the_same_type() {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("host", "db.example.com");
            properties.put("port", 5432);
            properties.put("ratio", 1.0E-4);
            properties.put("ssl", true);
            properties.put("options", Map.of("fetch", List.of(1, 2)));
            properties.put("unknownToSpec", "x");

            List<String> record = new ExportSheet(specs(), null).record(connection("c1", "pg", "db", properties));

            assertThat(record)
                    .containsExactly(
                            "pg",
                            "db",
                            "Finance",
                            "team;a;b",
                            "db.example.com",
                            "5432",
                            "0.0001",
                            "true",
                            "{\"fetch\":[1,2]}",
                            "",
                            "",
                            "",
                            "",
                            "c1",
                            "s1");
        }

        @Test
        void should_write_numbers_in_plain_decimal_notation() {
            assertThat(CellText.of(new BigDecimal("1E+3"), PropertyType.NUMBER)).isEqualTo("1000");
            assertThat(CellText.of(2.5f, PropertyType.NUMBER)).isEqualTo("2.5");
            assertThat(CellText.of("[\"a\"]", PropertyType.ARRAY)).isEqualTo("[\"a\"]");
            assertThat(CellText.of(null, PropertyType.STRING)).isEmpty();
        }
    }

    @Nested
    class Placeholders {
        @Test
        void should_reference_text_secrets_by_qname_and_property_and_list_key_files_as_comments() {
            SecretPlaceholders placeholders = new SecretPlaceholders();
            ExportSheet sheet = new ExportSheet(specs(), placeholders);

            List<String> db = sheet.record(connection("c1", "Sales DB (EU)", "db", Map.of("host", "h")));
            List<String> api = sheet.record(connection("c2", "crm", "api", Map.of("url", "u")));

            assertThat(db.get(9)).isEqualTo("${env:QCL_SALES_DB_EU_PASSWORD}");
            assertThat(db.get(10)).isEmpty();
            assertThat(api.get(12)).isEqualTo("${env:QCL_CRM_APIKEY}");
            assertThat(placeholders.exampleLines())
                    .contains("QCL_SALES_DB_EU_PASSWORD=", "QCL_CRM_APIKEY=")
                    .anySatisfy(line ->
                            assertThat(line).startsWith("# QCL_SALES_DB_EU_KEYFILE: keyFile of 'Sales DB (EU)'"));
            assertThat(placeholders.variables()).isEqualTo(2);
        }

        @Test
        void should_number_a_name_that_another_connection_already_took() {
            SecretPlaceholders placeholders = new SecretPlaceholders();
            ExportSheet sheet = new ExportSheet(specs(), placeholders);

            String first =
                    sheet.record(connection("c1", "crm", "api", Map.of())).get(12);
            String second = sheet.record(new ExportedConnection("c2", "crm", "api", "s2", "Sales", List.of(), Map.of()))
                    .get(12);
            String third = sheet.record(new ExportedConnection("c3", "CRM", "api", null, "", List.of(), Map.of()))
                    .get(12);

            assertThat(List.of(first, second, third))
                    .containsExactly("${env:QCL_CRM_APIKEY}", "${env:QCL_CRM_APIKEY_2}", "${env:QCL_CRM_APIKEY_3}");
        }
    }
}

package dev.qcl.settings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.qcl.LoopbackTenant;
import dev.qcl.connector.DataSourceList;
import dev.qcl.connector.TenantReadException;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenant as the source of data sources and api-specs, read by a real client on loopback. */
class QlikSpecSourceTests {
    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    final QlikSpecSource source = new QlikSpecSource(tenant.client);

    void refuse(String path, int status) {
        tenant.server.stubFor(get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(LoopbackTenant.errors("Forbidden", "not for this key"))));
    }

    @Nested
    class DataSources {
        @Test
        void should_give_the_ids_in_the_tenants_order_with_the_time_of_the_list_when_the_tenant_answers() {
            // given
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-sources"))
                    .willReturn(okJson("{\"dataSources\":[{\"dataSourceId\":\"postgres\"},"
                            + "{\"dataSourceId\":\"File_AmazonS3ConnectorV2\"}],"
                            + "\"lastUpdated\":\"2026-11-30T10:15:00Z\"}")));

            // when
            DataSourceList list = source.dataSources();

            // then
            assertThat(list.dataSourceIds()).containsExactly("postgres", "File_AmazonS3ConnectorV2");
            assertThat(list.lastUpdated()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        }

        @Test
        void should_throw_a_read_failure_with_the_tenants_status_when_the_list_is_refused() {
            // given
            refuse("/api/v1/data-sources", 403);

            // when
            TenantReadException failure = catchThrowableOfType(TenantReadException.class, source::dataSources);

            // then
            assertThat(failure.httpStatus()).isEqualTo(403);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.getMessage()).contains("listing of data sources").contains("not for this key");
        }
    }

    @Nested
    class ApiSpecs {
        @Test
        void should_give_the_document_as_the_tenant_sent_it_and_nothing_for_an_unknown_source() {
            // given
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-sources/postgres/api-specs"))
                    .willReturn(okJson("{\"connectionProperties\":{}}")));
            tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-sources/snowflak/api-specs"))
                    .willReturn(notFound()));

            // when / then
            assertThat(source.apiSpecJson("postgres")).contains("{\"connectionProperties\":{}}");
            assertThat(source.apiSpecJson("snowflak")).isEmpty();
        }

        @Test
        void should_throw_a_read_failure_with_the_tenants_status_when_the_document_is_refused() {
            // given
            refuse("/api/v1/data-sources/postgres/api-specs", 403);

            // when
            TenantReadException failure =
                    catchThrowableOfType(TenantReadException.class, () -> source.apiSpecJson("postgres"));

            // then
            assertThat(failure.httpStatus()).isEqualTo(403);
            assertThat(failure.attempts()).isEqualTo(1);
            assertThat(failure.getMessage())
                    .contains("api-specs of data source 'postgres'")
                    .contains("not for this key");
        }
    }
}

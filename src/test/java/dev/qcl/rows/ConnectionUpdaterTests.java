package dev.qcl.rows;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.noContent;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.qcl.LoopbackTenant;
import dev.qcl.connector.ConnectionDraft;
import dev.qcl.connector.PropertyValue;
import dev.qcl.qlik.PatchOperation;
import dev.qcl.qlik.api.ExistingConnection;
import dev.qcl.results.ResultFixtures;
import dev.qcl.results.RowResult;
import dev.qcl.results.RowStatus;
import dev.qcl.run.Ownership;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --on-existing update}: what differs between a row and the connection as the tenant reads it
 * back, and the one PATCH that sends it, against a WireMock tenant on loopback with the fingerprints
 * in a real H2 job repository.
 */
class ConnectionUpdaterTests {
    static final String FINANCE = "6601c0a3e9b1f24d7a5c8e10";
    static final String ID = "c-1";
    static final String CONNECTION = "/api/v1/data-connections/" + ID;

    @TempDir
    Path dir;

    @RegisterExtension
    final LoopbackTenant tenant = LoopbackTenant.start();

    SecretFingerprints fingerprints;

    @BeforeEach
    void repository() {
        fingerprints = new SecretFingerprints(ResultFixtures.database(dir), FingerprintKey.load(dir.resolve("k1")));
    }

    ConnectionUpdater updater(Ownership owned) {
        return new ConnectionUpdater(tenant.client, fingerprints, owned);
    }

    ConnectionUpdater updater() {
        return updater(Ownership.NONE);
    }

    /** The row: {@code host} and {@code port} plain, {@code pass} and {@code pin} secret when given. */
    static ConnectionDraft draft(List<String> tags, Map<String, Object> plain, Map<String, Object> secrets) {
        Map<String, PropertyValue> properties = new LinkedHashMap<>();
        plain.forEach((name, value) -> properties.put(name, new PropertyValue.Literal(value, false)));
        secrets.forEach((name, value) -> properties.put(name, new PropertyValue.Literal(value, true)));
        return new ConnectionDraft(2, "pg-1", "postgres", FINANCE, tags, properties);
    }

    static SendableRow sendable(Map<String, Object> plain, Map<String, Object> secrets) {
        Map<String, Object> properties = new LinkedHashMap<>(plain);
        properties.putAll(secrets);
        return new SendableRow(
                properties, secrets.values().stream().map(String::valueOf).toList());
    }

    /** The connection as the tenant reads it back with its properties. */
    void existing(String properties, String tags) {
        tenant.server.stubFor(get(urlPathEqualTo("/api/v1/data-connections/pg-1"))
                .withQueryParam("type", equalTo("connectionname"))
                .withQueryParam("spaceId", equalTo(FINANCE))
                .withQueryParam("parseConnection", equalTo("true"))
                .willReturn(okJson("{\"id\":\"" + ID + "\",\"qName\":\"pg-1\",\"datasourceID\":\"postgres\","
                        + "\"space\":\"" + FINANCE + "\",\"tags\":" + tags + ",\"connectionProperties\":" + properties
                        + "}")));
    }

    static ExistingConnection listed() {
        return new ExistingConnection(ID, "pg-1", "postgres", FINANCE, List.of(), Map.of());
    }

    ConnectionUpdater.Comparison compare(
            ConnectionUpdater updater, List<String> tags, Map<String, Object> plain, Map<String, Object> secrets) {
        return updater.compare(draft(tags, plain, secrets), sendable(plain, secrets), listed());
    }

    void answerPatch(int status) {
        tenant.server.stubFor(patch(urlPathEqualTo(CONNECTION))
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(status < 300 ? "" : LoopbackTenant.errors("Refused", "the tenant said no"))));
    }

    int patches() {
        return tenant.server
                .findAll(patchRequestedFor(urlPathEqualTo(CONNECTION)))
                .size();
    }

    static PatchOperation replace(String name, Object value) {
        return new PatchOperation("replace", "/connectionProperties/" + name, value);
    }

    @Nested
    class Comparing {
        @Test
        void should_change_only_what_differs_when_the_tenant_echoes_the_rest_in_another_form() {
            // given: the tenant has the port as text
            existing("{\"host\":\"db1.example.com\",\"port\":\"5432\"}", "[\"a\"]");

            // when
            var comparison = compare(updater(), List.of(), Map.of("host", "db2.example.com", "port", 5432), Map.of());

            // then
            ConnectionUpdater.Changes changes = comparison.changes();
            assertThat(comparison.current().connectionProperties()).containsEntry("host", "db1.example.com");
            assertThat(changes.properties()).containsExactly(replace("host", "db2.example.com"));
            assertThat(changes.toSend()).containsExactly(replace("host", "db2.example.com"));
            assertThat(changes.changed()).containsExactly("host");
            assertThat(changes.adopted()).isFalse();
        }

        @Test
        void should_find_nothing_to_change_when_the_row_says_what_the_tenant_has() {
            // given
            existing("{\"host\":\"db1.example.com\",\"port\":5432}", "[\"a\",\"DcaasAPI:x\"]");

            // when
            var changes = compare(updater(), List.of("a"), Map.of("host", "db1.example.com", "port", 5432), Map.of())
                    .changes();

            // then
            assertThat(changes.toSend()).isEmpty();
            assertThat(changes.changed()).isEmpty();
        }

        @Test
        void should_compare_with_the_listed_connection_when_the_tenant_no_longer_finds_it_by_name() {
            // given
            tenant.server.stubFor(
                    get(urlPathEqualTo("/api/v1/data-connections/pg-1")).willReturn(notFound()));

            // when
            var comparison = compare(updater(), List.of(), Map.of("host", "db2.example.com"), Map.of());

            // then: the listing had no properties, so every property of the row is a change
            assertThat(comparison.current()).isEqualTo(listed());
            assertThat(comparison.changes().properties()).containsExactly(replace("host", "db2.example.com"));
        }

        @Test
        void should_send_a_secret_only_when_its_fingerprint_differs_from_what_qcl_last_wrote() {
            // given: qcl wrote pass "old-pass" and pin "1234"; the tenant never shows secrets
            existing("{\"host\":\"db1.example.com\"}", "[]");
            fingerprints.remember(ID, "pass", "old-pass");
            fingerprints.remember(ID, "pin", "1234");

            // when
            var changes = compare(
                            updater(),
                            List.of(),
                            Map.of("host", "db1.example.com"),
                            new LinkedHashMap<>(Map.of("pass", "new-pass", "pin", "1234")))
                    .changes();

            // then
            assertThat(changes.properties()).isEmpty();
            assertThat(changes.changedSecrets()).containsExactly(replace("pass", "new-pass"));
            assertThat(changes.unchangedSecrets()).containsExactly(replace("pin", "1234"));
            assertThat(changes.toSend()).containsExactly(replace("pass", "new-pass"));
            assertThat(changes.changed()).containsExactly("pass");
        }

        @Test
        void should_replace_the_tags_keeping_the_tenants_own_when_the_sheet_names_other_tags() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[\"a\",\"DcaasAPI:x\"]");

            // when
            var changes = compare(updater(), List.of("b", "c"), Map.of("host", "db2.example.com"), Map.of("pass", "p"))
                    .changes();

            // then: plain properties first, then the tags, then the secrets
            assertThat(changes.toSend())
                    .containsExactly(
                            replace("host", "db2.example.com"),
                            new PatchOperation("replace", "/tags", List.of("b", "c", "DcaasAPI:x")),
                            replace("pass", "p"));
            assertThat(changes.changed()).containsExactly("host", "tags", "pass");
        }
    }

    @Nested
    class Adopting {
        /** What an update of the set's run would change: the row names the listed host, with these tags. */
        ConnectionUpdater.Changes changesOwnedBy(String set, List<String> tags) {
            return compare(updater(new Ownership(set, false, 20)), tags, Map.of("host", "db1.example.com"), Map.of())
                    .changes();
        }

        @Test
        void should_add_the_sets_tag_without_calling_it_a_change_when_an_update_adopts_a_connection() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[\"a\"]");

            // when
            var changes = changesOwnedBy("nightly", List.of("a"));

            // then
            assertThat(changes.adopted()).isTrue();
            assertThat(changes.toSend())
                    .containsExactly(new PatchOperation("replace", "/tags", List.of("a", "qcl:nightly")));
            assertThat(changes.changed()).isEmpty();
        }

        @Test
        void should_call_the_tags_changed_when_an_adoption_also_changes_the_users_tags() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[\"a\"]");

            // when
            var changes = changesOwnedBy("nightly", List.of("b"));

            // then
            assertThat(changes.adopted()).isTrue();
            assertThat(changes.toSend())
                    .containsExactly(new PatchOperation("replace", "/tags", List.of("b", "qcl:nightly")));
            assertThat(changes.changed()).containsExactly("tags");
        }

        @Test
        void should_adopt_nothing_when_the_connection_already_belongs_to_the_set() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[\"a\",\"qcl:nightly\"]");

            // when
            var changes = changesOwnedBy("nightly", List.of("a"));

            // then
            assertThat(changes.adopted()).isFalse();
            assertThat(changes.toSend()).isEmpty();
        }
    }

    @Nested
    class Applying {
        /** The row compared with the tenant's connection, then its changes sent, as a run's update does. */
        RowResult applied(ConnectionDraft draft, SendableRow row, String reason) {
            ConnectionUpdater updater = updater();
            return updater.apply(draft, row, updater.compare(draft, row, listed()), reason);
        }

        @Test
        void should_send_one_patch_and_remember_the_secrets_sent_when_the_tenant_accepts_it() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[]");
            answerPatch(204);
            ConnectionDraft draft = draft(List.of(), Map.of("host", "db2.example.com"), Map.of("pass", "new-pass"));
            SendableRow row = sendable(Map.of("host", "db2.example.com"), Map.of("pass", "new-pass"));
            ConnectionUpdater updater = updater();
            var comparison = updater.compare(draft, row, listed());

            // when
            RowResult result = updater.apply(draft, row, comparison, "changed host, pass");

            // then
            assertThat(result)
                    .isEqualTo(new RowResult(
                            2, "pg-1", FINANCE, "postgres", RowStatus.UPDATED, ID, 204, 1, "changed host, pass"));
            tenant.server.verify(
                    exactly(1),
                    patchRequestedFor(urlPathEqualTo(CONNECTION))
                            .withRequestBody(equalToJson("[{\"op\":\"replace\",\"path\":\"/connectionProperties/host\","
                                    + "\"value\":\"db2.example.com\"},{\"op\":\"replace\","
                                    + "\"path\":\"/connectionProperties/pass\",\"value\":\"new-pass\"}]")));
            assertThat(fingerprints.changed(ID, "pass", "new-pass")).isFalse();
            assertThat(fingerprints.changed(ID, "host", "db2.example.com")).isTrue();
        }

        @Test
        void should_fail_the_row_with_the_tenants_status_and_remember_nothing_when_the_tenant_refuses() {
            // given
            existing("{\"host\":\"db1.example.com\"}", "[]");
            fingerprints.remember(ID, "pin", "1234");
            answerPatch(403);
            Map<String, Object> secrets = new LinkedHashMap<>(Map.of("pass", "new-pass", "pin", "1234"));
            ConnectionDraft draft = draft(List.of(), Map.of("host", "db2.example.com"), secrets);
            SendableRow row = sendable(Map.of("host", "db2.example.com"), secrets);

            // when
            RowResult result = applied(draft, row, "changed host");

            // then: a refusal other than 400 is not sent again with the credentials
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.connectionId()).isEqualTo(ID);
            assertThat(result.httpStatus()).isEqualTo(403);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(result.message())
                    .contains("update of data connection " + ID)
                    .contains("the tenant said no");
            assertThat(patches()).isEqualTo(1);
            assertThat(fingerprints.changed(ID, "pass", "new-pass")).isTrue();
        }

        @Test
        void should_send_the_unchanged_secrets_along_in_a_second_patch_when_the_tenant_wants_credentials() {
            // given: the tenant refuses the new host without the credentials, then accepts it with them
            existing("{\"host\":\"db1.example.com\"}", "[]");
            fingerprints.remember(ID, "pass", "same-pass");
            tenant.server.stubFor(patch(urlPathEqualTo(CONNECTION))
                    .inScenario("credentials")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse()
                            .withStatus(400)
                            .withHeader("Content-Type", "application/json")
                            .withBody(LoopbackTenant.errors("Bad request", "credentials are required")))
                    .willSetStateTo("asked"));
            tenant.server.stubFor(patch(urlPathEqualTo(CONNECTION))
                    .inScenario("credentials")
                    .whenScenarioStateIs("asked")
                    .willReturn(noContent()));
            ConnectionDraft draft = draft(List.of(), Map.of("host", "db2.example.com"), Map.of("pass", "same-pass"));
            SendableRow row = sendable(Map.of("host", "db2.example.com"), Map.of("pass", "same-pass"));

            // when
            RowResult result = applied(draft, row, "changed host");

            // then
            assertThat(result.status()).isEqualTo(RowStatus.UPDATED);
            assertThat(result.httpStatus()).isEqualTo(204);
            var bodies = tenant.server.findAll(patchRequestedFor(urlPathEqualTo(CONNECTION))).stream()
                    .map(r -> r.getBodyAsString())
                    .toList();
            assertThat(bodies).hasSize(2);
            assertThat(bodies.get(0)).contains("db2.example.com").doesNotContain("same-pass");
            assertThat(bodies.get(1)).contains("db2.example.com").contains("/connectionProperties/pass");
        }

        @Test
        void should_fail_the_row_after_one_patch_when_a_400_comes_and_there_are_no_other_secrets_to_send() {
            // given: no secrets at all
            existing("{\"host\":\"db1.example.com\"}", "[]");
            answerPatch(400);
            ConnectionDraft draft = draft(List.of(), Map.of("host", "db2.example.com"), Map.of());
            SendableRow row = sendable(Map.of("host", "db2.example.com"), Map.of());

            // when
            RowResult result = applied(draft, row, "changed host");

            // then
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(result.httpStatus()).isEqualTo(400);
            assertThat(patches()).isEqualTo(1);
        }

        @Test
        void should_fail_the_row_after_one_patch_when_a_400_comes_for_a_change_of_secrets_alone() {
            // given: pass changed, pin did not, no plain property changed
            existing("{\"host\":\"db1.example.com\"}", "[]");
            fingerprints.remember(ID, "pin", "1234");
            answerPatch(400);
            Map<String, Object> secrets = new LinkedHashMap<>(Map.of("pass", "new-pass", "pin", "1234"));
            ConnectionDraft draft = draft(List.of(), Map.of("host", "db1.example.com"), secrets);
            SendableRow row = sendable(Map.of("host", "db1.example.com"), secrets);

            // when
            RowResult result = applied(draft, row, "changed pass");

            // then
            assertThat(result.status()).isEqualTo(RowStatus.FAILED);
            assertThat(patches()).isEqualTo(1);
        }
    }

    @Nested
    class SameValue {
        @Test
        void should_take_a_value_the_tenant_echoes_in_another_form_as_the_same() {
            assertThat(ConnectionUpdater.sameValue(443, "443")).isTrue();
            assertThat(ConnectionUpdater.sameValue(30, 30.0)).isTrue();
            assertThat(ConnectionUpdater.sameValue(443, "444")).isFalse();
        }
    }
}

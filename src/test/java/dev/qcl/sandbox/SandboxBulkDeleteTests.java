package dev.qcl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /data-connections/actions/delete}, tags in PATCH and the single DELETE. */
class SandboxBulkDeleteTests {
    SandboxTenant tenant;
    SandboxHttp http;

    @BeforeEach
    void start() {
        tenant = SandboxTenant.start(SandboxSettings.defaults());
        http = new SandboxHttp(tenant);
    }

    @AfterEach
    void stop() {
        tenant.close();
    }

    StoredConnection seed(String qName) {
        return tenant.addConnection(
                SandboxSeed.FINANCE_SPACE_ID,
                qName,
                "postgres",
                Map.of("host", "h", "database", "d"),
                List.of("qcl:nightly"));
    }

    @Test
    void should_answer_207_with_a_status_per_connection_for_an_admin() throws Exception {
        StoredConnection a = seed("a");
        StoredConnection b = seed("b");

        var response = http.post(
                "/data-connections/actions/delete",
                "{\"connections\":[{\"id\":\"" + a.id() + "\"},{\"id\":\"missing\"},{\"id\":\"" + b.id() + "\"}]}");

        assertThat(response.statusCode()).isEqualTo(207);
        JsonNode data = SandboxHttp.json(response).get("data");
        assertThat(data.valueStream()
                        .map(d -> d.get("id").asString() + "=" + d.get("status").asInt())
                        .toList())
                .containsExactly(a.id() + "=204", "missing=404", b.id() + "=204");
        assertThat(data.get(1).path("error").path("detail").asString()).contains("missing");
        assertThat(tenant.connections()).isEmpty();
    }

    @Test
    void should_refuse_the_bulk_action_with_403_and_allow_a_single_delete_for_a_non_admin() throws Exception {
        tenant.setAdmin(false);
        StoredConnection a = seed("a");

        var bulk = http.post("/data-connections/actions/delete", "{\"connections\":[{\"id\":\"" + a.id() + "\"}]}");
        var single = http.send("DELETE", "/data-connections/" + a.id(), null, tenant.apiKey());

        assertThat(bulk.statusCode()).isEqualTo(403);
        assertThat(bulk.body()).contains("Admin role");
        assertThat(single.statusCode()).isEqualTo(204);
        assertThat(tenant.connections()).isEmpty();
    }

    @Test
    void should_replace_the_tags_with_a_patch_and_keep_the_tenants_own_tag() throws Exception {
        StoredConnection a = seed("a");

        var patch = http.send(
                "PATCH",
                "/data-connections/" + a.id(),
                "[{\"op\":\"replace\",\"path\":\"/tags\",\"value\":[\"finance\",\"qcl:weekly\"]}]",
                tenant.apiKey());

        assertThat(patch.statusCode()).isEqualTo(204);
        assertThat(tenant.connectionsNamed("a").get(0).tags())
                .contains("finance", "qcl:weekly")
                .doesNotContain("qcl:nightly")
                .anyMatch(t -> t.startsWith("DcaasAPI:"));
    }
}

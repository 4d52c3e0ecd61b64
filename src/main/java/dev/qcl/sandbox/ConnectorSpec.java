package dev.qcl.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One connector of the sandbox catalog: its data-source list entry and its api-specs document. */
record ConnectorSpec(String dataSourceId, ObjectNode dataSource, ObjectNode apiSpecs) {

    /** Name fragments that make a property secret, like the real tenant's masking (any case). */
    private static final List<String> SECRET_WORDS =
            List.of("password", "secret", "token", "privatekey", "priv_key", "credential", "apikey", "accountkey");
    /** Which separated credentials to use, not the credentials themselves: shown like any property. */
    private static final List<String> CREDENTIAL_MANAGEMENT =
            List.of("separatecredentials", "selectedcredentials", "credentialsname");

    ConnectorSpec {
        Objects.requireNonNull(dataSourceId, "dataSourceId");
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(apiSpecs, "apiSpecs");
    }

    String provider() {
        return apiSpecs.path("connectorProvider").asString();
    }

    String version() {
        return apiSpecs.path("connectorVersion").asString();
    }

    /** The tag the tenant adds to every connection it creates through this API. */
    String dcaasTag() {
        return "DcaasAPI:" + provider() + ":" + version();
    }

    JsonNode property(String name) {
        return apiSpecs.path("connectionProperties").path("properties").get(name);
    }

    List<String> propertyNames() {
        return new ArrayList<>(
                apiSpecs.path("connectionProperties").path("properties").propertyNames());
    }

    List<String> required() {
        List<String> names = new ArrayList<>();
        apiSpecs.path("connectionProperties").path("required").forEach(n -> names.add(n.asString()));
        return names;
    }

    boolean isSecret(String name) {
        JsonNode property = property(name);
        if (property != null && "password".equals(property.path("format").asString(""))) {
            return true;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return !CREDENTIAL_MANAGEMENT.contains(lower) && SECRET_WORDS.stream().anyMatch(lower::contains);
    }
}

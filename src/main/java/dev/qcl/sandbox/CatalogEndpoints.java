package dev.qcl.sandbox;

import tools.jackson.databind.node.ObjectNode;

/** {@code GET /data-sources} and {@code GET /data-sources/{id}/api-specs}. */
final class CatalogEndpoints {

    private final ConnectorCatalog catalog;
    private final String lastUpdated;

    CatalogEndpoints(ConnectorCatalog catalog, String lastUpdated) {
        this.catalog = catalog;
        this.lastUpdated = lastUpdated;
    }

    Reply dataSources(ApiCall call) {
        var filter = call.param("dataSourceId");
        if (filter.isPresent() && catalog.find(filter.get()).isEmpty()) {
            throw SandboxApiException.notFound("Data source not found: " + filter.get());
        }
        ObjectNode body = Json.MAPPER.createObjectNode();
        var list = body.putArray("dataSources");
        catalog.all().stream()
                .filter(spec -> filter.map(spec.dataSourceId()::equals).orElse(true))
                .forEach(spec -> list.add(spec.dataSource().deepCopy()));
        body.put("lastUpdated", lastUpdated);
        return Reply.json(200, body);
    }

    Reply apiSpecs(ApiCall call) {
        String id = call.segments().get(1);
        ConnectorSpec spec = catalog.find(id)
                .orElseThrow(() -> SandboxApiException.notFound("Data source not found or disabled: " + id));
        return Reply.json(200, spec.apiSpecs().deepCopy());
    }
}

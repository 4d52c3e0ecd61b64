package dev.qcl.sandbox;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/** The WireMock extension that turns every request into the stateful tenant's answer. */
final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "qcl-sandbox-tenant";

    private final TenantGateway gateway;
    private final Integer delayMillis;

    SandboxTransformer(TenantGateway gateway, long latencyMillis) {
        this.gateway = gateway;
        this.delayMillis = latencyMillis > 0 ? Math.toIntExact(latencyMillis) : null;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        TenantGateway.Outcome outcome = gateway.handle(serveEvent.getRequest());
        ResponseDefinitionBuilder response =
                ResponseDefinitionBuilder.responseDefinition().withFixedDelay(delayMillis);
        if (outcome.dropConnection()) {
            return response.withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        }
        Reply reply = outcome.reply();
        response.withStatus(reply.status());
        reply.headers().forEach(response::withHeader);
        if (reply.body() != null) {
            response.withHeader("Content-Type", "application/json")
                    .withBody(Json.MAPPER.writeValueAsString(reply.body()));
        }
        return response.build();
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}

package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.ResourceRef;
import io.iotgate.observe.ConnectedClient;
import io.vertx.mqtt.MqttEndpoint;

/** An accepted client as {@code observe} records it: who, how authenticated, from where, which protocol. */
final class ObservedClients {

    private ObservedClients() {
    }

    static ConnectedClient of(Principal principal, MqttEndpoint endpoint) {
        String passwordId = principal.proof() instanceof Principal.Proof.Password password ? password.passwordId() : null;
        String fingerprint = principal.proof() instanceof Principal.Proof.Certificate certificate
                ? certificate.fingerprint() : null;
        return new ConnectedClient(new ResourceRef(principal.kind(), principal.id(), principal.folderId()),
                principal.namespace(), passwordId, fingerprint, endpoint.clientIdentifier(), remoteAddress(endpoint),
                endpoint.protocolVersion());
    }

    static String remoteAddress(MqttEndpoint endpoint) {
        return endpoint.remoteAddress() == null ? "unknown" : endpoint.remoteAddress().host();
    }
}

package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.Change;
import io.iotgate.model.ResourceKind;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import io.iotgate.session.SessionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every accepted connection, so that control-plane changes reach live sessions: a disabled registry, a
 * deleted device, registry or broker, or a deleted certificate or password that a session logged in with
 * ends that session at once (a deleted identity's persistent sessions too). Changes are rare; a scan of the
 * connections is cheap enough.
 */
@ApplicationScoped
class LiveConnections {

    private final Set<MqttConnection> connections = ConcurrentHashMap.newKeySet();
    private final SessionStore sessions;

    LiveConnections(SessionStore sessions) {
        this.sessions = sessions;
    }

    void add(MqttConnection connection) {
        connections.add(connection);
    }

    void remove(MqttConnection connection) {
        connections.remove(connection);
    }

    void onChange(@Observes Change change) {
        if (change instanceof Change.RegistryDisabled disabled) {
            closeWhere(p -> disabled.registryId().equals(p.registryId()), "registry disabled");
        } else if (change instanceof Change.ResourceDeleted deleted) {
            var resource = deleted.resource();
            closeWhere(p -> p.id().equals(resource.id())
                    || (resource.kind() == ResourceKind.REGISTRY && resource.id().equals(p.registryId())),
                    resource.kind().name().toLowerCase() + " deleted");
            // persistent sessions of what is gone go too: nothing may wait for a deleted identity
            sessions.endWhere(session -> session.ownerId().equals(resource.id())
                    || session.key().namespace().id().equals(resource.id()));
        } else if (change instanceof Change.PasswordDeleted deleted) {
            closeWhere(p -> p.proof() instanceof Principal.Proof.Password used
                    && used.passwordId().equals(deleted.passwordId()), "password deleted");
        } else if (change instanceof Change.CertificateDeleted deleted) {
            closeWhere(p -> p.proof() instanceof Principal.Proof.Certificate used
                    && used.fingerprint().equals(deleted.fingerprint()), "certificate deleted");
        } else if (change instanceof Change.PasswordPermissionsChanged changed) {
            // The permissions live in the session's topic policy; the client reconnects under the new ones.
            closeWhere(p -> p.proof() instanceof Principal.Proof.Password used
                    && used.passwordId().equals(changed.passwordId()), "password permissions changed");
        } else if (change instanceof Change.CertificatePermissionsChanged changed) {
            closeWhere(p -> p.proof() instanceof Principal.Proof.Certificate used
                    && used.fingerprint().equals(changed.fingerprint()), "certificate permissions changed");
        } else if (change instanceof Change.DeviceAliasesChanged changed) {
            // The aliases live in the session's topic policy; the device reconnects with the new ones.
            closeWhere(p -> p.id().equals(changed.deviceId()), "topic aliases changed");
        }
    }

    private void closeWhere(Predicate<Principal> affected, String why) {
        for (MqttConnection connection : connections) {
            if (affected.test(connection.principal)) {
                connection.closeFromAnyThread(MqttDisconnectReasonCode.NOT_AUTHORIZED, why);
            }
        }
    }
}

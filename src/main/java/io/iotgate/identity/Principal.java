package io.iotgate.identity;

import io.iotgate.model.Namespace;
import io.iotgate.model.ResourceKind;
import io.iotgate.model.TopicPermissions;

import java.util.Map;
import java.util.Optional;

/**
 * An authenticated MQTT client: a device, a registry or a broker client, and how it proved it.
 *
 * @param registryId       the registry of a device, or the registry itself; null for a broker client
 * @param topicPermissions the topic permissions of the broker password or certificate it proved itself with,
 *                         as stored at CONNECT; empty: every topic (always so for registries and devices)
 */
public record Principal(ResourceKind kind, String id, String registryId, String folderId,
                        Map<String, String> topicAliases, Proof proof, Optional<TopicPermissions> topicPermissions) {

    /** A client whose credential carries no topic permissions. */
    public Principal(ResourceKind kind, String id, String registryId, String folderId,
                     Map<String, String> topicAliases, Proof proof) {
        this(kind, id, registryId, folderId, topicAliases, proof, Optional.empty());
    }

    /** How the client authenticated, as the connection log shows it. */
    public sealed interface Proof {
        record Password(String passwordId) implements Proof {}

        record Certificate(String fingerprint) implements Proof {}
    }

    /** The namespace the client lives in: its registry, or its broker. */
    public Namespace namespace() {
        return kind == ResourceKind.BROKER ? Namespace.broker(id) : Namespace.registry(registryId);
    }
}

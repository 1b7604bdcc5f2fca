package io.iotgate.model;

import java.time.Instant;

/**
 * A password of a registry, device or broker as the API shows it: exactly one owner ID set, never the value.
 */
public record Password(String registryId, String deviceId, String brokerId, String id, Instant createdAt) {

    public static Password of(ResourceRef owner, String id, Instant createdAt) {
        return new Password(owner.kind() == ResourceKind.REGISTRY ? owner.id() : null,
                owner.kind() == ResourceKind.DEVICE ? owner.id() : null,
                owner.kind() == ResourceKind.BROKER ? owner.id() : null,
                id, createdAt);
    }
}

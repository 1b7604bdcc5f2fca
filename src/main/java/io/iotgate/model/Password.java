package io.iotgate.model;

import java.time.Instant;

/**
 * A password of a registry, device or broker as the API shows it: exactly one owner ID set, never the value.
 *
 * @param permissions the topics a broker password is limited to; null (and absent from JSON): every topic
 */
public record Password(String registryId, String deviceId, String brokerId, String id, Instant createdAt,
                       TopicPermissions permissions) {

    public static Password of(ResourceRef owner, String id, Instant createdAt) {
        return of(owner, id, createdAt, null);
    }

    public static Password of(ResourceRef owner, String id, Instant createdAt, TopicPermissions permissions) {
        return new Password(owner.kind() == ResourceKind.REGISTRY ? owner.id() : null,
                owner.kind() == ResourceKind.DEVICE ? owner.id() : null,
                owner.kind() == ResourceKind.BROKER ? owner.id() : null,
                id, createdAt, permissions);
    }
}

package io.iotgate.model;

import java.time.Instant;

/**
 * An X.509 certificate registered on one registry, device or broker, in the shape IoT Core shows it: exactly
 * one of the owner IDs is set. The fingerprint (lowercase hex SHA-256 of the DER encoding) is unique across
 * the whole service: one certificate, one identity.
 *
 * @param permissions the topics a broker certificate is limited to; null (and absent from JSON): every topic
 */
public record Certificate(String registryId, String deviceId, String brokerId, String fingerprint,
                          String certificateData, Instant createdAt, TopicPermissions permissions) {

    public static Certificate of(ResourceRef owner, String fingerprint, String certificateData, Instant createdAt) {
        return of(owner, fingerprint, certificateData, createdAt, null);
    }

    public static Certificate of(ResourceRef owner, String fingerprint, String certificateData, Instant createdAt,
                                 TopicPermissions permissions) {
        return new Certificate(owner.kind() == ResourceKind.REGISTRY ? owner.id() : null,
                owner.kind() == ResourceKind.DEVICE ? owner.id() : null,
                owner.kind() == ResourceKind.BROKER ? owner.id() : null,
                fingerprint, certificateData, createdAt, permissions);
    }
}

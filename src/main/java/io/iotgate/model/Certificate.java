package io.iotgate.model;

import java.time.Instant;

/**
 * An X.509 certificate registered on one registry, device or broker, in the shape IoT Core shows it: exactly
 * one of the owner IDs is set. The fingerprint (lowercase hex SHA-256 of the DER encoding) is unique across
 * the whole service: one certificate, one identity.
 */
public record Certificate(String registryId, String deviceId, String brokerId, String fingerprint,
                          String certificateData, Instant createdAt) {

    public static Certificate of(ResourceRef owner, String fingerprint, String certificateData, Instant createdAt) {
        return new Certificate(owner.kind() == ResourceKind.REGISTRY ? owner.id() : null,
                owner.kind() == ResourceKind.DEVICE ? owner.id() : null,
                owner.kind() == ResourceKind.BROKER ? owner.id() : null,
                fingerprint, certificateData, createdAt);
    }
}

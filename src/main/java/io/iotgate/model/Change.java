package io.iotgate.model;

/**
 * Events the control plane fires after a change commits, so the data plane can end sessions and drop
 * cached credentials without the control plane ever calling into it.
 */
public sealed interface Change {
    /** A device was created: a registry may address it from now on (the data plane's device cache). */
    record DeviceCreated(String registryId, String deviceId) implements Change {}
    record ResourceDeleted(ResourceRef resource) implements Change {}
    record RegistryDisabled(String registryId) implements Change {}
    record RegistryEnabled(String registryId) implements Change {}
    record CertificateDeleted(ResourceRef owner, String fingerprint) implements Change {}
    record PasswordDeleted(ResourceRef owner, String passwordId) implements Change {}
    record DeviceAliasesChanged(String registryId, String deviceId) implements Change {}
    /** The topic permissions of a broker password changed: sessions that logged in with it end. */
    record PasswordPermissionsChanged(ResourceRef owner, String passwordId) implements Change {}
    /** The topic permissions of a broker certificate changed: sessions that logged in with it end. */
    record CertificatePermissionsChanged(ResourceRef owner, String fingerprint) implements Change {}
    /** A folder's limits changed; new connections of the folder get them. */
    record FolderLimitsChanged(String folderId, LimitOverrides overrides) implements Change {}
}

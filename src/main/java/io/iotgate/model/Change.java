package io.iotgate.model;

/**
 * Events the control plane fires after a change commits, so the data plane can end sessions and drop
 * cached credentials without the control plane ever calling into it.
 */
public sealed interface Change {
    record ResourceDeleted(ResourceRef resource) implements Change {}
    record RegistryDisabled(String registryId) implements Change {}
    record RegistryEnabled(String registryId) implements Change {}
    record CertificateDeleted(ResourceRef owner, String fingerprint) implements Change {}
    record PasswordDeleted(ResourceRef owner, String passwordId) implements Change {}
    record DeviceAliasesChanged(String registryId, String deviceId) implements Change {}
}

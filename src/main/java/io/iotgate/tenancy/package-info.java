/**
 * Namespaces and their topic rules: which topics a client may use and what they really mean.
 * {@code registry} holds the IoT Core rules of registries and devices, starting with topic aliases;
 * {@code broker} the broker model and the topic permissions of broker credentials. Per-folder limits
 * ({@link io.iotgate.tenancy.FolderLimits}, {@link io.iotgate.tenancy.ClientLimits}) live here too, and so do
 * {@link io.iotgate.tenancy.ClientTopicPolicies} (the rules of each kind of client, for MQTT and HTTP publish)
 * and {@link io.iotgate.tenancy.RegistryDevices} (which devices each registry owns, in memory).
 * Imports {@code routing}, {@code session}, {@code store}, {@code model} and {@code config}.
 */
package io.iotgate.tenancy;

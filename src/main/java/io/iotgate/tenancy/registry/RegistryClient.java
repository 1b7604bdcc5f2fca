package io.iotgate.tenancy.registry;

/**
 * Who talks MQTT in a registry's namespace: one of its devices, or the registry itself
 * (IoT Core: the registry's identity, used by the back end that sends commands and reads events).
 */
public sealed interface RegistryClient permits DeviceClient, RegistryBackend {

    /** The registry whose namespace the client is in. */
    String registryId();

    /** How refusals name the client, e.g. {@code device are1... of registry are2...}. */
    String describe();
}

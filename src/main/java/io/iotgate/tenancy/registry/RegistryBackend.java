package io.iotgate.tenancy.registry;

/** The registry itself, connected with the registry's own ID and credentials. */
public record RegistryBackend(String registryId) implements RegistryClient {

    public RegistryBackend {
        IdLevel.check("registry ID", registryId);
    }

    @Override
    public String describe() {
        return "registry " + registryId;
    }
}

package io.iotgate.tenancy.registry;

import java.util.Map;

/**
 * A device of a registry, with the topic aliases it has at the moment its policy is built
 * (alias name to one of its own topics or topic prefixes, see {@link TopicAliasRules}).
 */
public record DeviceClient(String registryId, String deviceId, Map<String, String> topicAliases)
        implements RegistryClient {

    public DeviceClient {
        IdLevel.check("registry ID", registryId);
        IdLevel.check("device ID", deviceId);
        topicAliases = topicAliases == null ? Map.of() : Map.copyOf(topicAliases);
    }

    @Override
    public String describe() {
        return "device " + deviceId + " of registry " + registryId;
    }
}

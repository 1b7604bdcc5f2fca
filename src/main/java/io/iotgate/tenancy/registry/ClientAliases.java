package io.iotgate.tenancy.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names a client may write instead of real topics: for a device, the {@code $me} names and its own
 * topic aliases; a registry has none. Built once per connection.
 */
final class ClientAliases {

    private final List<PrefixAlias> aliases;

    private ClientAliases(List<PrefixAlias> aliases) {
        this.aliases = List.copyOf(aliases);
    }

    static ClientAliases of(RegistryClient client) {
        if (client instanceof DeviceClient device) {
            return ofDevice(device);
        }
        return new ClientAliases(List.of()); // IoT Core: $me exists in a device session; registries have no aliases
    }

    private static ClientAliases ofDevice(DeviceClient device) {
        List<PrefixAlias> aliases = new ArrayList<>();
        // IoT Core: $me/device/... = the device's own topics, $me/registry/... = its registry's,
        // $me/monitoring/json = its monitoring topic
        aliases.add(new PrefixAlias("$me/device/", ClientTopicAccess.DEVICES + "/" + device.deviceId() + "/"));
        aliases.add(new PrefixAlias("$me/registry/", ClientTopicAccess.REGISTRIES + "/" + device.registryId() + "/"));
        aliases.add(new PrefixAlias("$me/monitoring/", ClientTopicAccess.MONITORING + "/" + device.deviceId() + "/"));
        device.topicAliases().forEach((name, target) -> {
            // The API enforces these rules; aliases that break them anyway (old data, imports) are ignored
            // rather than trusted: a '$' name would shadow real topics, and a wildcard or a foreign target
            // would make the rename back to the alias name meaningless.
            if (TopicAliasRules.isValidName(name) && TopicAliasRules.isOwnTarget(target, device.deviceId())) {
                aliases.add(new PrefixAlias(name, target));
            }
        });
        return new ClientAliases(aliases);
    }

    /**
     * The alias whose name starts the text; the longest if several do, which the alias rules (no alias of a
     * registry a prefix of another) rule out for valid data. Empty for real topics and unknown names.
     */
    Optional<PrefixAlias> find(String text) {
        PrefixAlias found = null;
        for (PrefixAlias alias : aliases) {
            if (alias.prefixes(text) && (found == null || alias.name().length() > found.name().length())) {
                found = alias;
            }
        }
        return Optional.ofNullable(found);
    }
}

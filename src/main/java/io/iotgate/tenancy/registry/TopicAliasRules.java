package io.iotgate.tenancy.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * IoT Core's rules for a device's topic aliases: a name without {@code $} standing for one of the device's
 * own topics or topic prefixes, at most five per device, and no alias of a registry a prefix of another,
 * so that every topic resolves to at most one alias.
 */
public final class TopicAliasRules {

    public static final int MAX_ALIASES_PER_DEVICE = 5;
    /** In a create request, stands for the ID the device is about to get. */
    public static final String ID_PLACEHOLDER = "{id}";
    private static final int MAX_LENGTH = 1024;

    private TopicAliasRules() {
    }

    /** Replaces the {@code {id}} placeholder in every target by the device's ID. */
    public static Map<String, String> resolvePlaceholders(Map<String, String> aliases, String deviceId) {
        Map<String, String> resolved = new LinkedHashMap<>();
        aliases.forEach((alias, topic) -> resolved.put(alias, topic == null ? null : topic.replace(ID_PLACEHOLDER, deviceId)));
        return resolved;
    }

    /**
     * Checks one device's aliases against the rules and against the aliases of the other devices of its
     * registry; returns the first problem found, worded for an API caller.
     */
    public static Optional<String> problemWith(Map<String, String> aliases, String deviceId,
                                               Map<String, String> otherAliasesOfRegistry) {
        if (aliases.size() > MAX_ALIASES_PER_DEVICE) {
            return Optional.of("topicAliases: a device has at most " + MAX_ALIASES_PER_DEVICE + " aliases");
        }
        String ownPrefix = ownPrefix(deviceId);
        for (var entry : aliases.entrySet()) {
            String alias = entry.getKey();
            String topic = entry.getValue();
            String field = "topicAliases[" + alias + "]";
            if (!isValidName(alias)) {
                return Optional.of(field + ": an alias is a non-empty topic that neither starts with '$' nor holds '+' or '#'");
            }
            if (!isOwnTarget(topic, deviceId)) {
                return Optional.of(field + ": the target must be a topic of the device itself, starting with '"
                        + ownPrefix + "', without '+' or '#'");
            }
        }
        Map<String, String> ownerOf = new LinkedHashMap<>();
        otherAliasesOfRegistry.keySet().forEach(alias -> ownerOf.put(alias, "another device"));
        for (String alias : aliases.keySet()) {
            for (var existing : ownerOf.entrySet()) {
                if (alias.startsWith(existing.getKey()) || existing.getKey().startsWith(alias)) {
                    return Optional.of("topicAliases[" + alias + "]: conflicts with alias '" + existing.getKey()
                            + "' of " + existing.getValue() + ": no alias of a registry may be a prefix of another");
                }
            }
            ownerOf.put(alias, "this device");
        }
        return Optional.empty();
    }

    /** Whether a name can be an alias: non-empty, not too long, not starting with '$', without wildcards. */
    public static boolean isValidName(String alias) {
        return alias != null && !alias.isEmpty() && alias.length() <= MAX_LENGTH && !alias.startsWith("$")
                && !hasWildcard(alias);
    }

    /** Whether a target is one of the device's own topics or topic prefixes, without wildcards. */
    public static boolean isOwnTarget(String topic, String deviceId) {
        return topic != null && topic.startsWith(ownPrefix(deviceId)) && topic.length() <= MAX_LENGTH
                && !hasWildcard(topic);
    }

    private static String ownPrefix(String deviceId) {
        return "$devices/" + deviceId + "/";
    }

    private static boolean hasWildcard(String topic) {
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0 || topic.indexOf('\u0000') >= 0;
    }
}

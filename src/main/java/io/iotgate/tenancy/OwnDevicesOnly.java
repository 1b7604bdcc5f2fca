package io.iotgate.tenancy;

import io.iotgate.routing.TopicFilter;

import java.util.List;
import java.util.Optional;

/**
 * The registry's own topic rules, plus the one thing they cannot know: which devices are the registry's.
 * {@code $devices/<id>/commands} is a registry's to publish only when {@code <id>} is one of its devices, and
 * {@code $devices/<id>/events} its to read only then (IoT Core: nothing of another registry, device or
 * broker). Without this a registry's message to a foreign or unknown ID would be routed in its own namespace,
 * where nobody reads it, instead of being refused. Filters naming devices by {@code +} or {@code #} are
 * untouched: the namespace holds only the registry's own devices.
 */
final class OwnDevicesOnly implements TopicPolicy {

    private static final List<String> DEVICE_ROOTS = List.of("$devices", "$monitoring");

    private final TopicPolicy rules;
    private final String registryId;
    private final RegistryDevices devices;

    OwnDevicesOnly(TopicPolicy rules, String registryId, RegistryDevices devices) {
        this.rules = rules;
        this.registryId = registryId;
        this.devices = devices;
    }

    @Override
    public PublishDecision authorizePublish(String topic) {
        PublishDecision decision = rules.authorizePublish(topic);
        if (decision instanceof PublishDecision.Allowed allowed) {
            Optional<String> target = allowed.targetDeviceId();
            if (target.isPresent() && !devices.belongsTo(target.get(), registryId)) {
                // one answer for a device of another registry and for no device at all: nothing leaks
                return new PublishDecision.Denied(noSuchDevice(target.get()));
            }
        }
        return decision;
    }

    @Override
    public SubscribeDecision authorizeSubscribe(String filter) {
        SubscribeDecision decision = rules.authorizeSubscribe(filter);
        if (!(decision instanceof SubscribeDecision.Granted granted)) {
            return decision;
        }
        List<GrantedFilter> own = granted.filters().stream()
                .filter(part -> namedDevice(part.realFilter()).map(id -> devices.belongsTo(id, registryId)).orElse(true))
                .toList();
        if (own.isEmpty()) {
            String named = namedDevice(granted.filters().get(0).realFilter()).orElse("");
            return new SubscribeDecision.Refused(noSuchDevice(named) + ": '" + filter + "' reads nothing of it");
        }
        return own.size() == granted.filters().size() ? granted : new SubscribeDecision.Granted(own);
    }

    /** The device ID a real filter names literally at its second level ({@code $devices/<id>/...}), if any. */
    private static Optional<String> namedDevice(TopicFilter realFilter) {
        List<String> levels = realFilter.levels();
        if (levels.size() < 2 || !DEVICE_ROOTS.contains(levels.get(0))) {
            return Optional.empty();
        }
        String level = levels.get(1);
        return level.equals("+") || level.equals("#") ? Optional.empty() : Optional.of(level);
    }

    private String noSuchDevice(String deviceId) {
        return "registry " + registryId + " has no device '" + deviceId + "' (IoT Core: nothing of another registry)";
    }
}

package io.iotgate.tenancy.registry;

import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.registry.TopicFamily.Writer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rows of IoT Core's topic ACL matrix for one client, as real topic filters: what it may publish to
 * and what it may read. Built once per connection, so a PUBLISH only walks a few filters.
 *
 * <p>The matrix is symmetric: a device publishes the families devices write (events, state) of itself and
 * of its registry, and reads the others (commands, config) plus its monitoring topic; a registry publishes
 * commands and config of any of its devices and of itself, and reads events and state plus every
 * device's monitoring topic. Nobody publishes {@code $monitoring}: the service writes it.
 */
final class ClientTopicAccess {

    static final String DEVICES = "$devices";
    static final String REGISTRIES = "$registries";
    static final String MONITORING = "$monitoring";
    private static final String ANY_DEVICE = "+";

    private final List<TopicFilter> writable;
    private final List<TopicFilter> readable;

    private ClientTopicAccess(List<TopicFilter> writable, List<TopicFilter> readable) {
        this.writable = List.copyOf(writable);
        this.readable = List.copyOf(readable);
    }

    static ClientTopicAccess of(RegistryClient client) {
        // Java 17 has no switch over the sealed RegistryClient; these are its two kinds
        if (client instanceof DeviceClient device) {
            return forSide(Writer.DEVICE, device.deviceId(), device.registryId());
        }
        if (client instanceof RegistryBackend registry) {
            // a registry namespace holds only its own devices, so '+' reaches no device of another registry
            return forSide(Writer.REGISTRY, ANY_DEVICE, registry.registryId());
        }
        throw new IllegalArgumentException("unknown kind of registry client: " + client);
    }

    private static ClientTopicAccess forSide(Writer side, String deviceLevel, String registryId) {
        List<TopicFilter> writable = new ArrayList<>();
        List<TopicFilter> readable = new ArrayList<>();
        for (String root : List.of(DEVICES + "/" + deviceLevel, REGISTRIES + "/" + registryId)) {
            for (TopicFamily family : TopicFamily.values()) {
                // "[/sub...]": a family and everything below it, which "<family>/#" matches [MQTT-4.7.1-2]
                TopicFilter filter = filter(root + "/" + family.level() + "/#");
                (family.writer() == side ? writable : readable).add(filter);
            }
        }
        readable.add(filter(MONITORING + "/" + deviceLevel + "/json"));
        return new ClientTopicAccess(writable, readable);
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text, TopicName.MQTT_MAX_BYTES);
    }

    /** Whether the client may publish to this real topic. */
    boolean mayWrite(TopicName realTopic) {
        for (TopicFilter filter : writable) {
            if (filter.matches(realTopic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parts of a real filter the client may read: its intersection with each readable filter, empty
     * ones left out. The readable filters are disjoint, so the parts are too.
     */
    List<TopicFilter> narrowToReadable(TopicFilter realFilter) {
        List<TopicFilter> parts = new ArrayList<>(readable.size());
        for (TopicFilter filter : readable) {
            Optional<TopicFilter> part = TopicFilter.intersect(realFilter, filter);
            part.ifPresent(parts::add);
        }
        return parts;
    }
}

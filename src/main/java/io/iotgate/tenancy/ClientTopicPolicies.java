package io.iotgate.tenancy;

import io.iotgate.model.TopicPermissions;
import io.iotgate.routing.InvalidTopicException;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.broker.BrokerTopicPolicy;
import io.iotgate.tenancy.registry.DeviceClient;
import io.iotgate.tenancy.registry.RegistryBackend;
import io.iotgate.tenancy.registry.RegistryTopicPolicy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/**
 * The topic rules of each kind of client, topics as long as its folder allows. The one place both ways in
 * (an MQTT connection, an HTTP publish on behalf of a device, registry or broker) get them from, so a topic
 * is judged alike whichever way a message comes.
 */
@ApplicationScoped
public class ClientTopicPolicies {

    private final RegistryDevices devices;

    ClientTopicPolicies(RegistryDevices devices) {
        this.devices = devices;
    }

    /**
     * A device's rules. They name only its own ID (and its registry's), which exists as long as it may
     * publish at all, so no device cache is asked.
     */
    public TopicPolicy device(String registryId, String deviceId, Map<String, String> topicAliases, Limits limits) {
        return new RegistryTopicPolicy(new DeviceClient(registryId, deviceId, topicAliases), limits.topicLength());
    }

    /** A registry's rules, limited to its own devices. */
    public TopicPolicy registry(String registryId, Limits limits) {
        return new OwnDevicesOnly(new RegistryTopicPolicy(new RegistryBackend(registryId), limits.topicLength()),
                registryId, devices);
    }

    /**
     * Why {@code topic} is no topic name at all (empty, a wildcard, a NUL, longer than the folder allows), or
     * empty when it is one. Whether the client may use it is for its rules to say; this tells a malformed
     * request from a forbidden one, which MQTT need not do (both close the connection).
     */
    public Optional<String> problemWith(String topic, Limits limits) {
        try {
            TopicName.parse(topic, limits.topicLength());
            return Optional.empty();
        } catch (InvalidTopicException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** @param permissions those of the credential a client used; empty: every topic of the broker */
    public TopicPolicy broker(Optional<TopicPermissions> permissions, Limits limits) {
        return new BrokerTopicPolicy(limits.topicLength(), permissions);
    }
}

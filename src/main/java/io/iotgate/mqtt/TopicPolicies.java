package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.ResourceKind;
import io.iotgate.tenancy.Limits;
import io.iotgate.tenancy.TopicPolicy;
import io.iotgate.tenancy.broker.BrokerTopicPolicy;
import io.iotgate.tenancy.registry.DeviceClient;
import io.iotgate.tenancy.registry.RegistryBackend;
import io.iotgate.tenancy.registry.RegistryClient;
import io.iotgate.tenancy.registry.RegistryTopicPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the topic rules of a client's model: a registry's (devices and the registry itself) or a broker's
 * (with the topic permissions of the credential it logged in with), topics as long as its folder allows.
 */
@ApplicationScoped
class TopicPolicies {

    TopicPolicy forPrincipal(Principal principal, Limits limits) {
        if (principal.kind() == ResourceKind.BROKER) {
            return new BrokerTopicPolicy(limits.topicLength(), principal.topicPermissions());
        }
        RegistryClient client = principal.kind() == ResourceKind.DEVICE
                ? new DeviceClient(principal.registryId(), principal.id(), principal.topicAliases())
                : new RegistryBackend(principal.registryId());
        return new RegistryTopicPolicy(client, limits.topicLength());
    }
}

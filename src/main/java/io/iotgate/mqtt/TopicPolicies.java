package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.ResourceKind;
import io.iotgate.tenancy.ClientTopicPolicies;
import io.iotgate.tenancy.Limits;
import io.iotgate.tenancy.TopicPolicy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Picks the topic rules of a connected client's kind: a device's (with its aliases), its registry's, or a
 * broker's (with the topic permissions of the credential it logged in with).
 */
@ApplicationScoped
class TopicPolicies {

    private final ClientTopicPolicies policies;

    TopicPolicies(ClientTopicPolicies policies) {
        this.policies = policies;
    }

    TopicPolicy forPrincipal(Principal principal, Limits limits) {
        if (principal.kind() == ResourceKind.BROKER) {
            return policies.broker(principal.topicPermissions(), limits);
        }
        return principal.kind() == ResourceKind.DEVICE
                ? policies.device(principal.registryId(), principal.id(), principal.topicAliases(), limits)
                : policies.registry(principal.registryId(), limits);
    }
}

package io.iotgate.tenancy.broker;

import io.iotgate.model.TopicPermissions;
import io.iotgate.routing.InvalidTopicException;
import io.iotgate.routing.SharedSubscription;
import io.iotgate.routing.TopicFilter;
import io.iotgate.routing.TopicName;
import io.iotgate.tenancy.GrantedFilter;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.SubscribeDecision;
import io.iotgate.tenancy.TopicPolicy;
import io.iotgate.tenancy.TopicRename;

import java.util.List;
import java.util.Optional;

/**
 * The broker model: any topic valid by the MQTT spec that does not start with {@code $}; every client of
 * the broker reads and writes all of them (IoT Core), unless the password or certificate it logged in with
 * carries topic permissions (iotgate beyond IoT Core), which then name what it may use.
 */
public final class BrokerTopicPolicy implements TopicPolicy {

    private final int maxTopicBytes;
    private final CredentialTopics allowed;

    /** A client whose credential may use every topic. */
    public BrokerTopicPolicy(int maxTopicBytes) {
        this(maxTopicBytes, Optional.empty());
    }

    /** @param permissions those of the credential the client logged in with; empty: every topic */
    public BrokerTopicPolicy(int maxTopicBytes, Optional<TopicPermissions> permissions) {
        this.maxTopicBytes = maxTopicBytes;
        this.allowed = CredentialTopics.of(permissions);
    }

    @Override
    public PublishDecision authorizePublish(String topic) {
        if (topic.startsWith("$")) {
            return new PublishDecision.Denied("topics starting with '$' are not part of a broker");
        }
        try {
            TopicName name = TopicName.parse(topic, maxTopicBytes);
            if (!allowed.mayPublish(name)) {
                return new PublishDecision.Denied("no publish permission of the credential matches '" + topic + "'");
            }
            return new PublishDecision.Allowed(name, false, Optional.empty());
        } catch (InvalidTopicException e) {
            return PublishDecision.Denied.invalidTopic(e.getMessage());
        }
    }

    @Override
    public SubscribeDecision authorizeSubscribe(String filter) {
        try {
            if (SharedSubscription.isShared(filter)) {
                SharedSubscription shared = SharedSubscription.parse(filter, maxTopicBytes);
                if (shared.filter().value().startsWith("$")) {
                    return new SubscribeDecision.Refused("topics starting with '$' are not part of a broker");
                }
                if (!allowed.maySubscribe(shared.filter())) { // a group is no way around the credential's permissions
                    return new SubscribeDecision.Refused("no subscribe permission of the credential covers '" + filter + "'");
                }
                return new SubscribeDecision.GrantedShared(shared);
            }
            if (filter.startsWith("$")) {
                return new SubscribeDecision.Refused("topics starting with '$' are not part of a broker");
            }
            TopicFilter parsed = TopicFilter.parse(filter, maxTopicBytes);
            if (!allowed.maySubscribe(parsed)) {
                return new SubscribeDecision.Refused("no subscribe permission of the credential covers '" + filter + "'");
            }
            return new SubscribeDecision.Granted(List.of(new GrantedFilter(parsed, TopicRename.UNCHANGED)));
        } catch (InvalidTopicException e) {
            return SubscribeDecision.Refused.invalidFilter(e.getMessage());
        }
    }
}

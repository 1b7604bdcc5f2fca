package io.iotgate.tenancy.broker;

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
 * the broker reads and writes all of them (IoT Core).
 */
public final class BrokerTopicPolicy implements TopicPolicy {

    private final int maxTopicBytes;

    public BrokerTopicPolicy(int maxTopicBytes) {
        this.maxTopicBytes = maxTopicBytes;
    }

    @Override
    public PublishDecision authorizePublish(String topic) {
        if (topic.startsWith("$")) {
            return new PublishDecision.Denied("topics starting with '$' are not part of a broker");
        }
        try {
            return new PublishDecision.Allowed(TopicName.parse(topic, maxTopicBytes), false, Optional.empty());
        } catch (InvalidTopicException e) {
            return new PublishDecision.Denied(e.getMessage());
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
                return new SubscribeDecision.GrantedShared(shared);
            }
            if (filter.startsWith("$")) {
                return new SubscribeDecision.Refused("topics starting with '$' are not part of a broker");
            }
            return new SubscribeDecision.Granted(List.of(
                    new GrantedFilter(TopicFilter.parse(filter, maxTopicBytes), TopicRename.UNCHANGED)));
        } catch (InvalidTopicException e) {
            return new SubscribeDecision.Refused(e.getMessage());
        }
    }
}

package io.iotgate.routing;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One subscriber a published message goes to, as {@link SubscriptionTrie#match} found it.
 *
 * @param subscriber who receives the message
 * @param qos        the highest QoS among the matching subscriptions; the session delivers at the lower of
 *                   this and the QoS of the PUBLISH [MQTT-3.3.5-1]
 * @param filters    the filters that matched, at least one, so the gateway can translate the topic back
 *                   (aliases, {@code $me}); in no particular order
 * @param shareGroup the group when the message reached this subscriber through a shared subscription;
 *                   then {@code filters} holds that subscription's filter only
 */
public record Recipient<S>(S subscriber, int qos, List<TopicFilter> filters, Optional<String> shareGroup) {

    public Recipient {
        Objects.requireNonNull(subscriber, "subscriber");
        Qos.check(qos);
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("a recipient matched through at least one filter");
        }
        Objects.requireNonNull(shareGroup, "shareGroup");
    }

    static <S> Recipient<S> direct(S subscriber, int qos, List<TopicFilter> filters) {
        return new Recipient<>(subscriber, qos, filters, Optional.empty());
    }

    static <S> Recipient<S> shared(S subscriber, int qos, TopicFilter filter, String group) {
        return new Recipient<>(subscriber, qos, List.of(filter), Optional.of(group));
    }
}

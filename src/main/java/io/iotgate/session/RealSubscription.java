package io.iotgate.session;

import io.iotgate.routing.TopicFilter;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One subscription as routing holds it, for one filter a client wrote (which may stand for several:
 * {@code $me}, aliases, narrowing).
 *
 * @param filter     the real filter in the namespace's trie
 * @param shareGroup the group of a shared subscription ({@code $share/<group>/...}), empty otherwise
 * @param qos        the QoS the client asked for
 * @param naming     the name a message matched by {@code filter} is delivered under
 * @param options    MQTT 5 subscription options
 */
public record RealSubscription(TopicFilter filter, Optional<String> shareGroup, int qos, UnaryOperator<String> naming,
                               DeliveryOptions options) {

    public RealSubscription {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(shareGroup, "shareGroup");
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(options, "options");
    }

    boolean sameRouteAs(RealSubscription other) {
        return filter.equals(other.filter) && shareGroup.equals(other.shareGroup);
    }
}

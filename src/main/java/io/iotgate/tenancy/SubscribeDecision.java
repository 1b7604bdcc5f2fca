package io.iotgate.tenancy;

import io.iotgate.routing.SharedSubscription;

import java.util.List;
import java.util.Objects;

/** What {@link RegistryTopicPolicy#authorizeSubscribe} decided about one filter of a SUBSCRIBE. */
public sealed interface SubscribeDecision {

    /**
     * The filter is granted, narrowed to what the client may read: subscribe each real filter in the
     * namespace's trie. The filters never overlap, so no message is delivered twice for one subscription.
     */
    record Granted(List<GrantedFilter> filters) implements SubscribeDecision {

        public Granted {
            filters = List.copyOf(filters);
            if (filters.isEmpty()) {
                throw new IllegalArgumentException("a granted subscription has at least one filter");
            }
        }
    }

    /**
     * A shared subscription ({@code $share/<group>/<filter>}, broker model): each matching message goes to one
     * member of the group [MQTT-4.8.2]. Retained messages are not sent to it (MQTT 5, 4.8.2).
     */
    record GrantedShared(SharedSubscription subscription) implements SubscribeDecision {

        public GrantedShared {
            Objects.requireNonNull(subscription, "subscription");
        }
    }

    /**
     * Nothing of the filter may be read (IoT Core: SUBACK 0x80 for that filter only; the session stays).
     *
     * @param reason names the client and the filter, for the connection log
     */
    record Refused(String reason) implements SubscribeDecision {

        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }
}

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
    record Refused(String reason, Cause cause) implements SubscribeDecision {

        /** Why: the MQTT 5 SUBACK tells a filter the client may not read from one that is no filter at all. */
        public enum Cause { NOT_AUTHORIZED, INVALID_FILTER }

        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(cause, "cause");
        }

        /** A valid filter the client may not read. */
        public Refused(String reason) {
            this(reason, Cause.NOT_AUTHORIZED);
        }

        /** Not a topic filter by MQTT's rules (e.g. {@code a/#/b}), or it stands for one through an alias. */
        public static Refused invalidFilter(String reason) {
            return new Refused(reason, Cause.INVALID_FILTER);
        }
    }
}

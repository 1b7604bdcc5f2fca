package io.iotgate.tenancy;

import java.util.function.UnaryOperator;

import java.util.Objects;

/**
 * How a delivered message's real topic is named for the subscriber. IoT Core: messages received through a
 * {@code $me} subscription arrive under the {@code $me} name; iotgate does the same for topic aliases.
 */
public sealed interface TopicRename extends UnaryOperator<String> {

    /** The subscription named real topics: deliver them as they are. */
    TopicRename UNCHANGED = new Unchanged();

    /**
     * The topic the client sees for {@code realTopic}, which must be a topic matched by the granted filter
     * this rename belongs to.
     */
    String clientTopic(String realTopic);

    /** The session keeps renames as plain functions: it may not know the topic rules that made them. */
    @Override
    default String apply(String realTopic) {
        return clientTopic(realTopic);
    }

    /** Real topics are delivered under their own name. */
    record Unchanged() implements TopicRename {

        @Override
        public String clientTopic(String realTopic) {
            return realTopic;
        }
    }

    /**
     * The client subscribed through a name ({@code $me/device/}, {@code my/alias/}) standing for a real prefix
     * ({@code $devices/<id>/}): swap that prefix back.
     */
    record PrefixSwap(String realPrefix, String clientPrefix) implements TopicRename {

        public PrefixSwap {
            Objects.requireNonNull(realPrefix, "realPrefix");
            Objects.requireNonNull(clientPrefix, "clientPrefix");
        }

        @Override
        public String clientTopic(String realTopic) {
            if (realTopic.startsWith(realPrefix)) {
                return clientPrefix + realTopic.substring(realPrefix.length());
            }
            if (isParentOfPrefix(realTopic)) {
                // "cmd/#" for cmd/ = $devices/D/commands/ matches $devices/D/commands too [MQTT-4.7.1-2];
                // the client's filter matches "cmd" there, so that is its name
                return clientPrefix.substring(0, clientPrefix.length() - 1);
            }
            throw new IllegalArgumentException("topic '" + realTopic + "' is not under '" + realPrefix + "'");
        }

        private boolean isParentOfPrefix(String realTopic) {
            return realPrefix.endsWith("/") && clientPrefix.endsWith("/")
                    && realTopic.length() == realPrefix.length() - 1 && realPrefix.startsWith(realTopic);
        }
    }
}

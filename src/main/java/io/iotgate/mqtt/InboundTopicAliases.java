package io.iotgate.mqtt;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * MQTT 5 topic aliases a client sets on its PUBLISHes: a PUBLISH with a topic and an alias defines the
 * alias, one with an empty topic uses it [MQTT-3.3.2-12]. They live as long as the connection.
 */
final class InboundTopicAliases {

    private final int maximum;
    private final Map<Integer, String> topics = new HashMap<>();

    /** @param maximum the Topic Alias Maximum sent in CONNACK; 0 means the client may use none */
    InboundTopicAliases(int maximum) {
        this.maximum = maximum;
    }

    int maximum() {
        return maximum;
    }

    /**
     * @param topic the topic name of the PUBLISH, empty when the alias stands for it
     * @param alias the alias property, 0 when absent
     * @return the topic meant, or empty when the alias is out of range or unknown: a protocol error that
     * closes the connection with 0x94 [MQTT-3.3.2-9, MQTT-3.3.4-7]
     */
    Optional<String> resolve(String topic, int alias) {
        if (alias == 0) {
            return Optional.of(topic);
        }
        if (alias > maximum) {
            return Optional.empty();
        }
        if (topic.isEmpty()) {
            return Optional.ofNullable(topics.get(alias));
        }
        topics.put(alias, topic);
        return Optional.of(topic);
    }
}

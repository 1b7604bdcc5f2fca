package io.iotgate.routing;

import java.util.Objects;

/** A message kept for its topic, handed to each new matching subscription [MQTT-3.3.1-6]. */
public record RetainedMessage<M>(TopicName topic, M message) {

    public RetainedMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
    }
}

package io.iotgate.routing;

/**
 * A message as it travels through one namespace: its real topic (aliases and {@code $me} already
 * resolved), the payload, the QoS it was published with and whether it is kept for new subscribers.
 * The payload array is never changed after construction: every subscriber shares it.
 */
public record Message(TopicName topic, byte[] payload, int qos, boolean retain) {

    public Message {
        Qos.check(qos);
    }
}

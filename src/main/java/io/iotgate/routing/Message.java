package io.iotgate.routing;

import io.iotgate.model.MessageProperties;

/**
 * A message as it travels through one namespace: its real topic (aliases and {@code $me} already
 * resolved), the payload, the QoS it was published with and whether it is kept for new subscribers.
 * The payload array is never changed after construction: every subscriber shares it.
 *
 * @param expiresAt when the message stops being worth delivering, in epoch milliseconds, or {@link #NEVER}
 *                  (MQTT 5 message expiry interval [MQTT-3.3.2-5])
 * @param properties what an MQTT 5 publisher gave its receivers (user properties, content type...)
 * @param origin    the subscriber (session) that published it, so a No Local subscription skips it
 *                  [MQTT-3.8.3-3]; {@code null} when the service published it (wills of ended sessions,
 *                  HTTP publish, monitoring)
 */
public record Message(TopicName topic, byte[] payload, int qos, boolean retain, long expiresAt,
                      MessageProperties properties, Subscriber origin) {

    public static final long NEVER = Long.MAX_VALUE;

    public Message {
        Qos.check(qos);
    }

    /** A message without MQTT 5 properties. */
    public Message(TopicName topic, byte[] payload, int qos, boolean retain, long expiresAt, Subscriber origin) {
        this(topic, payload, qos, retain, expiresAt, MessageProperties.NONE, origin);
    }

    /** A message without expiry, published by the service. */
    public Message(TopicName topic, byte[] payload, int qos, boolean retain) {
        this(topic, payload, qos, retain, NEVER, MessageProperties.NONE, null);
    }

    public boolean expiredAt(long nowMillis) {
        return nowMillis >= expiresAt;
    }

    /** Whole seconds left to live, at least 1, for the MQTT 5 property on delivery [MQTT-3.3.2-6]. */
    public int secondsLeftAt(long nowMillis) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (expiresAt - nowMillis + 999) / 1000));
    }

    public boolean expires() {
        return expiresAt != NEVER;
    }
}

package io.iotgate.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The default limits of every folder; each folder may set its own over these through
 * {@code PATCH /iotgate/v1/folders/{folderId}/limits}. A connection lives with the limits its folder had when
 * it connected.
 */
@ConfigMapping(prefix = "iotgate.limits")
public interface LimitsConfig {

    /**
     * Largest PUBLISH payload, in bytes (IoT Core: 256 KB). Larger: MQTT 5 DISCONNECT 0x95 (packet too
     * large), MQTT 3.1.1 the connection closes. Bounded by {@code iotgate.mqtt.max-packet-bytes}.
     */
    @WithDefault("262144")
    int payloadBytes();

    /** Longest topic name or filter, in UTF-8 bytes (IoT Core: 1024). Longer is refused like an invalid topic. */
    @WithDefault("1024")
    int topicLength();

    /**
     * PUBLISH packets per second one connection may send, on average; 0 turns the limit off (IoT Core: 1 per
     * second per device). Faster: MQTT 5 DISCONNECT 0x96 (message rate too high), MQTT 3.1.1 the connection
     * closes.
     */
    @WithDefault("0")
    int publishRate();

    /** PUBLISH packets a connection may send at once before {@link #publishRate()} applies. */
    @WithDefault("10")
    int publishBurst();

    /** Topic filters one session may hold; one more is refused (MQTT 5 SUBACK 0x97 quota exceeded, 3.1.1 0x80). */
    @WithDefault("100")
    int subscriptionsPerSession();

    /** QoS 1 and 2 messages on their way to one session and not yet acknowledged. */
    @WithDefault("32")
    int inflightPerSession();
}

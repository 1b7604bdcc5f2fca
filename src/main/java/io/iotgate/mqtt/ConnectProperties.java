package io.iotgate.mqtt;

import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.mqtt.MqttEndpoint;

import java.time.Duration;
import java.util.Optional;

/**
 * What a CONNECT asks of its session, for MQTT 3.1.1 and 5 alike.
 *
 * @param cleanStart           3.1.1 clean session, 5 clean start [MQTT-3.1.2-4]
 * @param sessionExpirySeconds how long the session outlives the connection, capped by the server
 * @param expiryCapped         whether the cap cut what the client asked for (MQTT 5 CONNACK then says so)
 * @param receiveMaximum       QoS 1 and 2 deliveries the client takes at once [MQTT-3.1.2-21]
 */
record ConnectProperties(boolean cleanStart, long sessionExpirySeconds, boolean expiryCapped, int receiveMaximum) {

    static ConnectProperties of(MqttEndpoint endpoint, Duration maxExpiry) {
        if (endpoint.protocolVersion() < ReasonCodes.MQTT_5) {
            // 3.1.1 has no expiry: a persistent session is kept as long as the server allows
            long expiry = endpoint.isCleanSession() ? 0 : maxExpiry.toSeconds();
            return new ConnectProperties(endpoint.isCleanSession(), expiry, false, 65_535);
        }
        MqttProperties properties = endpoint.connectProperties();
        long asked = sessionExpiry(properties, Duration.ofSeconds(Long.MAX_VALUE / 1000)).orElse(0L);
        long granted = Math.min(asked, maxExpiry.toSeconds());
        MqttProperties.MqttProperty<?> receive = properties == null ? null
                : properties.getProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value());
        int receiveMaximum = receive == null ? 65_535 : (Integer) receive.value();
        return new ConnectProperties(endpoint.isCleanSession(), granted, granted != asked, receiveMaximum);
    }

    /** The Session Expiry Interval property; 0xFFFFFFFF means "never", here the server's cap. */
    static Optional<Long> sessionExpiry(MqttProperties properties, Duration maxExpiry) {
        if (properties == null) {
            return Optional.empty();
        }
        MqttProperties.MqttProperty<?> expiry = properties.getProperty(
                MqttProperties.MqttPropertyType.SESSION_EXPIRY_INTERVAL.value());
        if (expiry == null) {
            return Optional.empty();
        }
        return Optional.of(Math.min(Integer.toUnsignedLong((Integer) expiry.value()), maxExpiry.toSeconds()));
    }
}

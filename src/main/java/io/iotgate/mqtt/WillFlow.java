package io.iotgate.mqtt;

import io.iotgate.session.Session;
import io.iotgate.tenancy.NamespacePublisher;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.TopicPolicy;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Vertx;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.MqttWill;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Will messages: judged by the topic policy at CONNECT like any PUBLISH (a forbidden will topic refuses
 * the connection), published when the connection ends without a normal DISCONNECT [MQTT-3.1.2-8], after
 * the MQTT 5 will delay unless the client resumed its session meanwhile [MQTT-3.1.3-9].
 */
@ApplicationScoped
class WillFlow {

    private static final Logger LOG = Logger.getLogger(WillFlow.class);

    /** A will accepted at CONNECT. */
    record Will(PublishDecision.Allowed topic, byte[] payload, int qos, boolean retain, long delaySeconds,
                MqttProperties properties) {}

    /** What CONNECT said about a will. */
    sealed interface Judged {
        record None() implements Judged {}

        record Accepted(Will will) implements Judged {}

        record Forbidden(String reason) implements Judged {}
    }

    private final NamespacePublisher publisher;
    private final Vertx vertx;

    WillFlow(NamespacePublisher publisher, Vertx vertx) {
        this.publisher = publisher;
        this.vertx = vertx;
    }

    Judged judge(MqttEndpoint endpoint, TopicPolicy policy) {
        MqttWill will = endpoint.will();
        if (will == null || !will.isWillFlag()) {
            return new Judged.None();
        }
        PublishDecision decision = policy.authorizePublish(will.getWillTopic());
        if (decision instanceof PublishDecision.Denied denied) {
            return new Judged.Forbidden(denied.reason());
        }
        MqttProperties properties = will.getWillProperties() == null ? MqttProperties.NO_PROPERTIES : will.getWillProperties();
        MqttProperties.MqttProperty<?> delay = properties.getProperty(MqttProperties.MqttPropertyType.WILL_DELAY_INTERVAL.value());
        long delaySeconds = delay == null ? 0 : Integer.toUnsignedLong((Integer) delay.value());
        byte[] payload = will.getWillMessageBytes() == null ? new byte[0] : will.getWillMessageBytes();
        return new Judged.Accepted(new Will((PublishDecision.Allowed) decision, payload, will.getWillQos(),
                will.isWillRetain(), delaySeconds, properties));
    }

    /**
     * The connection ended abnormally: publish now, or after the will delay (capped by the session expiry,
     * since the will goes out at the latest when the session ends) unless the session was resumed.
     */
    void connectionLost(MqttConnection connection, Optional<Will> will) {
        if (will.isEmpty()) {
            return;
        }
        Session session = connection.session();
        long delay = Math.min(will.get().delaySeconds(), session.expirySeconds());
        if (delay == 0) {
            publish(connection, will.get());
            return;
        }
        int attachment = session.attachments();
        vertx.setTimer(delay * 1000, id -> {
            if (session.attachments() == attachment) {
                publish(connection, will.get()); // no connection resumed the session meanwhile
            }
        });
    }

    private void publish(MqttConnection connection, Will will) {
        LOG.debugf("Publishing the will of %s %s in %s", connection.principal.kind(), connection.principal.id(),
                connection.namespace());
        publisher.publish(connection.namespace(), will.topic(), will.payload(), will.qos(), will.retain(),
                PublishFlow.expiresAt(will.properties()), PublishProperties.received(will.properties()), null);
    }
}

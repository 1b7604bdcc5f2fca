package io.iotgate.mqtt;

import io.iotgate.routing.Message;
import io.iotgate.tenancy.NamespacePublisher;
import io.iotgate.tenancy.PublishDecision;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * PUBLISH from a client: topic aliases resolved, the topic policy judges the topic, the namespace gets the
 * message, and the acknowledgement follows the QoS (PUBACK; PUBREC, then PUBCOMP on PUBREL). Acknowledgements
 * of the client for what it received (PUBACK, PUBREC, PUBCOMP) go to its session.
 */
@ApplicationScoped
class PublishFlow {

    private static final Logger LOG = Logger.getLogger(PublishFlow.class);

    private final NamespacePublisher publisher;

    PublishFlow(NamespacePublisher publisher) {
        this.publisher = publisher;
    }

    void attach(MqttConnection connection) {
        var endpoint = connection.endpoint;
        endpoint.publishAutoAck(false);
        endpoint.publishHandler(message -> onPublish(connection, message));
        endpoint.publishReleaseHandler(packetId -> {
            connection.session().released(packetId);
            endpoint.publishComplete(packetId);
        });
        endpoint.publishAcknowledgeHandler(packetId -> connection.session().completed(packetId));
        endpoint.publishReceivedHandler(packetId -> {
            if (connection.session().received(packetId)) {
                endpoint.publishRelease(packetId);
            }
        });
        endpoint.publishCompletionHandler(packetId -> connection.session().completed(packetId));
    }

    private void onPublish(MqttConnection connection, MqttPublishMessage publish) {
        var overLimit = connection.limits.judgePublish(publish.payload().length());
        if (overLimit.isPresent()) {
            connection.close(ReasonCodes.disconnect(overLimit.get()),
                    "PUBLISH to '" + publish.topicName() + "' breaks the folder's limit: " + overLimit.get());
            return;
        }
        int qos = publish.qosLevel().value();
        if (qos == 2 && !connection.session().firstReceipt(publish.messageId())) {
            connection.endpoint.publishReceived(publish.messageId()); // a resend: answered, not routed again
            return;
        }
        Optional<String> topic = connection.topicAliases.resolve(publish.topicName(), topicAlias(publish));
        if (topic.isEmpty()) {
            LOG.warnf("Closing %s %s in %s: invalid topic alias", connection.principal.kind(), connection.principal.id(),
                    connection.namespace());
            connection.close(MqttDisconnectReasonCode.TOPIC_ALIAS_INVALID, "invalid topic alias");
            return;
        }
        PublishDecision decision = connection.policy.authorizePublish(topic.get());
        if (decision instanceof PublishDecision.Denied denied) {
            // IoT Core: a forbidden PUBLISH closes the connection.
            LOG.warnf("Refused PUBLISH of %s %s in %s to '%s': %s", connection.principal.kind(), connection.principal.id(),
                    connection.namespace(), topic.get(), denied.reason());
            connection.activity.publishRefused(topic.get(), denied.reason());
            connection.close(ReasonCodes.refusedPublish(denied), "forbidden PUBLISH to " + topic.get());
            return;
        }
        byte[] payload = publish.payload().getBytes();
        publisher.publish(connection.namespace(), (PublishDecision.Allowed) decision, payload, qos,
                publish.isRetain(), expiresAt(publish), PublishProperties.received(publish.properties()),
                connection.session());
        connection.activity.published(payload.length);
        if (publish.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            connection.endpoint.publishAcknowledge(publish.messageId());
        } else if (publish.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            connection.endpoint.publishReceived(publish.messageId());
        }
    }

    private static int topicAlias(MqttPublishMessage publish) {
        if (publish.properties() == null) {
            return 0;
        }
        MqttProperties.MqttProperty<?> alias = publish.properties().getProperty(MqttProperties.MqttPropertyType.TOPIC_ALIAS.value());
        return alias == null ? 0 : (Integer) alias.value();
    }

    /** MQTT 5 message expiry interval [MQTT-3.3.2-5]. */
    static long expiresAt(MqttProperties properties) {
        if (properties == null) {
            return Message.NEVER;
        }
        MqttProperties.MqttProperty<?> interval = properties.getProperty(
                MqttProperties.MqttPropertyType.PUBLICATION_EXPIRY_INTERVAL.value());
        if (interval == null) {
            return Message.NEVER;
        }
        long seconds = Integer.toUnsignedLong((Integer) interval.value());
        return System.currentTimeMillis() + seconds * 1000;
    }

    private static long expiresAt(MqttPublishMessage publish) {
        return expiresAt(publish.properties());
    }
}

package io.iotgate.mqtt;

import io.iotgate.model.Namespace;
import io.iotgate.routing.Message;
import io.iotgate.routing.Router;
import io.iotgate.tenancy.PublishDecision;
import io.iotgate.tenancy.RetainedMessagesKeeper;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.mqtt.messages.MqttPublishMessage;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * PUBLISH from a client: the topic policy resolves and judges the topic, routing delivers in the client's
 * namespace, and the acknowledgement follows the QoS (PUBACK; PUBREC, then PUBCOMP on PUBREL).
 */
@ApplicationScoped
class PublishFlow {

    private static final Logger LOG = Logger.getLogger(PublishFlow.class);

    private final Router router;
    private final RetainedMessagesKeeper keeper;

    PublishFlow(Router router, RetainedMessagesKeeper keeper) {
        this.router = router;
        this.keeper = keeper;
    }

    void attach(MqttConnection connection) {
        connection.endpoint.publishHandler(message -> onPublish(connection, message));
        connection.endpoint.publishReleaseHandler(packetId -> {
            connection.receivedQos2.remove(packetId);
            connection.endpoint.publishComplete(packetId);
        });
    }

    private void onPublish(MqttConnection connection, MqttPublishMessage publish) {
        var overLimit = connection.limits.judgePublish(publish.payload().length());
        if (overLimit.isPresent()) {
            connection.close(ReasonCodes.disconnect(overLimit.get()),
                    "PUBLISH to '" + publish.topicName() + "' breaks the folder's limit: " + overLimit.get());
            return;
        }
        int qos = publish.qosLevel().value();
        if (qos == 2 && connection.receivedQos2.contains(publish.messageId())) {
            connection.endpoint.publishReceived(publish.messageId());
            return;
        }
        PublishDecision decision = connection.policy.authorizePublish(publish.topicName());
        if (decision instanceof PublishDecision.Denied denied) {
            // IoT Core: a forbidden PUBLISH closes the connection.
            LOG.warnf("Refused PUBLISH of %s %s in %s to '%s': %s", connection.principal.kind(), connection.principal.id(),
                    connection.namespace(), publish.topicName(), denied.reason());
            connection.close(MqttDisconnectReasonCode.NOT_AUTHORIZED, "forbidden PUBLISH to " + publish.topicName());
            return;
        }
        var allowed = (PublishDecision.Allowed) decision;
        Namespace namespace = connection.namespace();
        byte[] payload = publish.payload().getBytes();
        boolean keep = allowed.permanent() || (publish.isRetain() && namespace.kind() == Namespace.Kind.BROKER);
        Message message = new Message(allowed.realTopic(), payload, qos, keep);
        if (keep) {
            router.retain(namespace, message);
            keeper.changed(namespace, message);
        }
        router.publish(namespace, message);
        if (publish.qosLevel() == MqttQoS.AT_LEAST_ONCE) {
            connection.endpoint.publishAcknowledge(publish.messageId());
        } else if (publish.qosLevel() == MqttQoS.EXACTLY_ONCE) {
            connection.receivedQos2.add(publish.messageId());
            connection.endpoint.publishReceived(publish.messageId());
        }
    }
}

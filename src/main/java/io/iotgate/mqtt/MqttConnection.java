package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.Namespace;
import io.iotgate.routing.Message;
import io.iotgate.routing.Subscriber;
import io.iotgate.routing.TopicFilter;
import io.iotgate.session.SessionHolder;
import io.iotgate.session.SessionKey;
import io.iotgate.tenancy.ClientLimits;
import io.iotgate.tenancy.TopicPolicy;
import io.iotgate.tenancy.TopicRename;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One accepted client: its identity, namespace and topic policy, and the outbound side of delivery.
 * Everything here runs on the connection's own Vert.x context; {@link #deliver} is the one entry from
 * other threads and only hands the message over to that context.
 */
final class MqttConnection implements Subscriber, SessionHolder {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);

    /** A message waiting for a free slot of the inflight window. */
    private record Outgoing(String topic, byte[] payload, int qos, boolean retain) {}

    final MqttEndpoint endpoint;
    final Context context;
    final Principal principal;
    final TopicPolicy policy;
    /** The folder's limits as of CONNECT, and this connection's publish rate. */
    final ClientLimits limits;
    final SessionKey sessionKey;
    /** Real filter to the rename of the subscription that asked for it ($me, aliases). */
    final Map<TopicFilter, TopicRename> renames = new HashMap<>();
    /** Packet IDs of QoS 2 PUBLISHes received and not yet released: a resent one is not routed twice [MQTT-4.3.3-2]. */
    final java.util.Set<Integer> receivedQos2 = new java.util.HashSet<>();
    private final ArrayDeque<Outgoing> waiting = new ArrayDeque<>();
    private final int maxInflight;
    private final int maxWaiting;
    private int inflight;
    private boolean closed;

    MqttConnection(MqttEndpoint endpoint, Context context, Principal principal, TopicPolicy policy,
                   ClientLimits limits, int maxInflight, int maxWaiting) {
        this.endpoint = endpoint;
        this.context = context;
        this.principal = principal;
        this.policy = policy;
        this.limits = limits;
        this.sessionKey = new SessionKey(principal.namespace(), endpoint.clientIdentifier());
        this.maxInflight = maxInflight;
        this.maxWaiting = maxWaiting;
    }

    Namespace namespace() {
        return principal.namespace();
    }

    boolean isMqtt5() {
        return endpoint.protocolVersion() >= ReasonCodes.MQTT_5;
    }

    @Override
    public void deliver(Message message, int grantedQos, List<TopicFilter> filters) {
        int qos = Math.min(message.qos(), grantedQos);
        context.runOnContext(v -> {
            String topic = nameFor(message, filters);
            send(new Outgoing(topic, message.payload(), qos, false));
        });
    }

    /** Sends a retained or permanent message to a new subscription: with the retain flag [MQTT-3.3.1-8]. */
    void deliverRetained(Message message, int grantedQos, TopicFilter filter) {
        send(new Outgoing(nameFor(message, List.of(filter)), message.payload(), Math.min(message.qos(), grantedQos), true));
    }

    private String nameFor(Message message, List<TopicFilter> filters) {
        for (TopicFilter filter : filters) {
            TopicRename rename = renames.get(filter);
            if (rename != null) {
                return rename.clientTopic(message.topic().value());
            }
        }
        return message.topic().value();
    }

    private void send(Outgoing out) {
        if (closed || !endpoint.isConnected()) {
            return;
        }
        if (out.qos() == 0) {
            endpoint.publish(out.topic(), Buffer.buffer(out.payload()), MqttQoS.AT_MOST_ONCE, false, out.retain());
            return;
        }
        if (inflight >= maxInflight) {
            if (waiting.size() >= maxWaiting) {
                // A slow subscriber loses its own messages; it never slows the publisher or anyone else.
                LOG.debugf("Dropped a message for slow client %s", principal.id());
                return;
            }
            waiting.add(out);
            return;
        }
        inflight++;
        endpoint.publish(out.topic(), Buffer.buffer(out.payload()), MqttQoS.valueOf(out.qos()), false, out.retain());
    }

    /** A QoS 1 or 2 delivery completed (PUBACK or PUBCOMP): a slot of the window is free again. */
    void acknowledged() {
        if (inflight > 0) {
            inflight--;
        }
        Outgoing next = waiting.poll();
        if (next != null) {
            send(next);
        }
    }

    @Override
    public void takenOver() {
        context.runOnContext(v -> close(MqttDisconnectReasonCode.SESSION_TAKEN_OVER, "session taken over"));
    }

    /** Ends the connection; MQTT 5 clients are told why. */
    void close(MqttDisconnectReasonCode reason, String why) {
        if (closed) {
            return;
        }
        closed = true;
        LOG.infof("Closing MQTT connection of %s %s in %s: %s", principal.kind(), principal.id(), namespace(), why);
        if (isMqtt5() && endpoint.isConnected()) {
            endpoint.disconnect(reason, io.netty.handler.codec.mqtt.MqttProperties.NO_PROPERTIES);
        }
        // Vert.x's disconnect() closes the endpoint itself, and so may the client meanwhile; closing it
        // again throws "MQTT endpoint is closed" on the event loop.
        if (endpoint.isConnected()) {
            endpoint.close();
        }
    }

    void closeFromAnyThread(MqttDisconnectReasonCode reason, String why) {
        context.runOnContext(v -> close(reason, why));
    }

    void markClosed() {
        closed = true;
    }
}

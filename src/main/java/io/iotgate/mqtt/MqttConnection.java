package io.iotgate.mqtt;

import io.iotgate.identity.Principal;
import io.iotgate.model.Namespace;
import io.iotgate.observe.ClientActivity;
import io.iotgate.session.Outgoing;
import io.iotgate.session.Session;
import io.iotgate.session.SessionKey;
import io.iotgate.session.SessionLink;
import io.iotgate.tenancy.ClientLimits;
import io.iotgate.tenancy.TopicPolicy;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.vertx.core.Context;
import io.vertx.mqtt.MqttEndpoint;
import io.vertx.mqtt.messages.codes.MqttDisconnectReasonCode;
import org.jboss.logging.Logger;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One accepted client: its identity, namespace, topic policy and session, and the socket side of delivery.
 * Everything here runs on the connection's own Vert.x context; the {@link SessionLink} methods are the
 * entries from other threads and only hand work over to that context, in order and many at a time.
 */
final class MqttConnection implements SessionLink {

    private static final Logger LOG = Logger.getLogger(MqttConnection.class);

    final MqttEndpoint endpoint;
    final Context context;
    final Principal principal;
    final TopicPolicy policy;
    /** The folder's limits as of CONNECT, and this connection's publish rate. */
    final ClientLimits limits;
    final SessionKey sessionKey;
    final InboundTopicAliases topicAliases;
    /** Metrics, monitoring data and connection log of this connection. */
    final ClientActivity activity;
    private final int maxUnflushed;
    private final OutboundChannel channel;
    /** Writes handed over from other threads, waiting for one turn of this connection's event loop. */
    private final Queue<Runnable> handedOver = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean turnRequested = new AtomicBoolean();
    /** CONNACK sent: a resumed session's messages are held back until then [MQTT-3.2.0-1]. */
    private boolean accepted;
    private Session session;
    private int unflushedQos0;
    private boolean closed;

    MqttConnection(MqttEndpoint endpoint, Context context, Principal principal, TopicPolicy policy, ClientLimits limits,
                   int topicAliasMaximum, ClientActivity activity, int maxUnflushed) {
        this.endpoint = endpoint;
        this.context = context;
        this.principal = principal;
        this.policy = policy;
        this.limits = limits;
        this.sessionKey = new SessionKey(principal.namespace(), endpoint.clientIdentifier());
        this.topicAliases = new InboundTopicAliases(topicAliasMaximum);
        this.activity = activity;
        this.maxUnflushed = maxUnflushed;
        this.channel = new OutboundChannel(endpoint);
    }

    Namespace namespace() {
        return principal.namespace();
    }

    Session session() {
        return session;
    }

    void bind(Session session) {
        this.session = session;
    }

    /** CONNACK is written: from now on deliveries on this event loop go straight out. */
    void accepted() {
        accepted = true;
    }

    boolean isMqtt5() {
        return endpoint.protocolVersion() >= ReasonCodes.MQTT_5;
    }

    @Override
    public void send(Outgoing out, int packetId, boolean duplicate) {
        onEventLoop(() -> write(out, packetId, duplicate));
    }

    /**
     * Runs a write on this connection's event loop in the order the session handed it over. On that loop,
     * with nothing waiting, it runs at once; from elsewhere it waits in a queue that one task empties, so
     * a burst of messages from another loop costs one hand-over, not one each.
     */
    private void onEventLoop(Runnable write) {
        if (channel.onItsEventLoop() && accepted && handedOver.isEmpty()) {
            write.run();
            return;
        }
        handedOver.add(write);
        if (turnRequested.compareAndSet(false, true)) {
            context.runOnContext(v -> writeHandedOver());
        }
    }

    private void writeHandedOver() {
        do {
            for (Runnable write = handedOver.poll(); write != null; write = handedOver.poll()) {
                write.run();
            }
            turnRequested.set(false);
        } while (!handedOver.isEmpty() && turnRequested.compareAndSet(false, true));
    }

    private void write(Outgoing out, int packetId, boolean duplicate) {
        if (closed || !endpoint.isConnected()) {
            return; // a QoS 1 or 2 message stays in the session for the next connection
        }
        MqttProperties properties = MqttProperties.NO_PROPERTIES;
        if (isMqtt5()) {
            long now = out.message().expires() ? System.currentTimeMillis() : 0;
            if (out.qos() == 0 && out.message().expiredAt(now)) {
                return; // [MQTT-3.3.2-5]; QoS 1 and 2 were checked before their delivery started
            }
            properties = PublishProperties.forDelivery(out.message(), now);
        }
        if (out.qos() == 0) {
            if (unflushedQos0 >= maxUnflushed) {
                // A slow subscriber loses its own QoS 0 messages; it never slows the publisher or anyone else.
                activity.dropped(0);
                return;
            }
            unflushedQos0++;
            activity.delivered(out.message().payload().length);
            channel.publish(out.clientTopic(), out.message().payload(), 0, false, out.retain(), 0, properties)
                    .onComplete(done -> unflushedQos0--);
            return;
        }
        activity.delivered(out.message().payload().length);
        channel.publish(out.clientTopic(), out.message().payload(), out.qos(), duplicate, out.retain(), packetId,
                properties);
    }

    @Override
    public void sendRelease(int packetId) {
        onEventLoop(() -> {
            if (!closed && endpoint.isConnected()) {
                endpoint.publishRelease(packetId);
            }
        });
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
        activity.closing(why);
        LOG.infof("Closing MQTT connection of %s %s in %s: %s", principal.kind(), principal.id(), namespace(), why);
        if (isMqtt5() && endpoint.isConnected()) {
            endpoint.disconnect(reason, MqttProperties.NO_PROPERTIES);
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

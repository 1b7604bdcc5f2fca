package io.iotgate.mqtt;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.vertx.core.Future;
import io.vertx.core.net.impl.NetSocketInternal;
import io.vertx.mqtt.MqttEndpoint;

import java.lang.reflect.Field;

/**
 * The socket side of one client's deliveries, cheaper than {@link MqttEndpoint#publish}: that copies each
 * payload twice and flushes the socket once per PUBLISH, one system call per message. Here a payload is
 * wrapped, not copied, and flushes in one event-loop turn become one (Netty's flush consolidation), so a
 * subscriber receiving many messages at once gets them in few writes.
 *
 * <p>Vert.x MQTT keeps the connection's socket private; it is read once per connection by reflection
 * (registered for the native image). A Vert.x upgrade that renames it fails every MQTT test at once.
 */
@RegisterForReflection(classNames = "io.vertx.mqtt.impl.MqttEndpointImpl", fields = true, methods = false)
final class OutboundChannel {

    /** A full batch is written even while the event loop is still busy with the same turn. */
    private static final int FLUSH_AFTER_WRITES = 64;
    private static final Field SOCKET = socketField();

    private final NetSocketInternal socket;
    private final ChannelHandlerContext channel;

    OutboundChannel(MqttEndpoint endpoint) {
        try {
            this.socket = (NetSocketInternal) SOCKET.get(endpoint);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reach the socket of a Vert.x MQTT endpoint", e);
        }
        this.channel = socket.channelHandlerContext();
        // Before Vert.x's own handler, so every flush it passes down (PUBLISH, PUBACK, PINGRESP...) is consolidated.
        channel.pipeline().addBefore(channel.name(), "iotgate-flush-consolidation",
                new FlushConsolidationHandler(FLUSH_AFTER_WRITES, true));
    }

    /** Whether the caller runs on the event loop that owns this socket, where writing needs no hand-over. */
    boolean onItsEventLoop() {
        return channel.executor().inEventLoop();
    }

    /** Writes one PUBLISH; the payload array is shared by all receivers of the message and never changed. */
    Future<Void> publish(String topic, byte[] payload, int qos, boolean duplicate, boolean retain, int packetId,
                         MqttProperties properties) {
        var header = new MqttFixedHeader(MqttMessageType.PUBLISH, duplicate, MqttQoS.valueOf(qos), retain, 0);
        var variableHeader = new MqttPublishVariableHeader(topic, packetId, properties);
        return socket.writeMessage(new MqttPublishMessage(header, variableHeader, Unpooled.wrappedBuffer(payload)));
    }

    private static Field socketField() {
        try {
            Field field = Class.forName("io.vertx.mqtt.impl.MqttEndpointImpl").getDeclaredField("conn");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError("Vert.x MQTT changed: no socket field on its endpoint: " + e);
        }
    }
}

package io.iotgate.observe;

import io.iotgate.model.ConnectionEvent;
import io.iotgate.model.ConnectionLogEntry;

import java.time.Instant;

/**
 * What one accepted connection does, as metrics, monitoring data and connection log see it. Made by
 * {@link GatewayActivity#connected}; its methods are called on the connection's own context. The per-message
 * ones ({@link #published}, {@link #delivered}) only increment counters and store a timestamp.
 */
public final class ClientActivity {

    /** Without a DISCONNECT packet and without the server closing: the network, or the keep-alive ran out. */
    static final String CONNECTION_LOST = "connection lost: no DISCONNECT (network failure or keep-alive timeout)";

    private final ConnectedClient client;
    private final NamespaceMeters meters;
    private final LiveDevice device;
    private final DeviceMonitoring monitoring;
    private final ConnectionLogWriter log;
    private volatile String closeReason;
    private boolean ended;

    ClientActivity(ConnectedClient client, NamespaceMeters meters, LiveDevice device, DeviceMonitoring monitoring,
                   ConnectionLogWriter log) {
        this.client = client;
        this.meters = meters;
        this.device = device;
        this.monitoring = monitoring;
        this.log = log;
    }

    /** A PUBLISH of the client was accepted. */
    public void published(int payloadBytes) {
        meters.received(payloadBytes);
        if (device != null) {
            long now = System.currentTimeMillis();
            device.published(now);
            monitoring.changed(device, now);
        }
    }

    /** A message went out to the client. */
    public void delivered(int payloadBytes) {
        meters.sent(payloadBytes);
    }

    /** A message for the client was dropped (slow subscriber, full queue). */
    public void dropped(int qos) {
        meters.dropped(qos);
    }

    /** A SUBSCRIBE of the client was answered with at least one granted filter. */
    public void subscribed() {
        if (device != null) {
            long now = System.currentTimeMillis();
            device.subscribed(now);
            monitoring.changed(device, now);
        }
    }

    /** A keep-alive PINGREQ: the device is online. */
    public void pinged() {
        if (device != null) {
            long now = System.currentTimeMillis();
            device.seen(now);
            monitoring.changed(device, now);
        }
    }

    public void publishRefused(String topic, String reason) {
        meters.publishRefused();
        log.add(new ConnectionLogWriter.Pending.Known(entry(ConnectionEvent.PUBLISH_REFUSED, topic, reason)));
    }

    public void subscribeRefused(String filter, String reason) {
        meters.subscribeRefused();
        log.add(new ConnectionLogWriter.Pending.Known(entry(ConnectionEvent.SUBSCRIBE_REFUSED, filter, reason)));
    }

    /** The server is closing the connection, for this reason; the first reason given is the one logged. */
    public void closing(String reason) {
        if (closeReason == null) {
            closeReason = reason;
        }
    }

    /** The client sent DISCONNECT with this reason code (MQTT 5; 3.1.1 clients have none). */
    public void clientDisconnected(String reasonCode) {
        closing(reasonCode == null ? "client sent DISCONNECT" : "client sent DISCONNECT (" + reasonCode + ")");
    }

    /** The connection is gone: logged once, with the reason recorded before. */
    public void disconnected() {
        if (ended) {
            return;
        }
        ended = true;
        meters.closed();
        if (device != null) {
            monitoring.disconnected(device);
        }
        log.add(new ConnectionLogWriter.Pending.Known(entry(ConnectionEvent.DISCONNECTED, null,
                closeReason == null ? CONNECTION_LOST : closeReason)));
    }

    ConnectionLogEntry entry(ConnectionEvent event, String topic, String reason) {
        return new ConnectionLogEntry(null, Instant.now(), event, client.client(), client.namespace(),
                LogText.clip(client.mqttClientId(), LogText.CLIENT_ID), LogText.clip(client.remoteAddress(), LogText.ADDRESS),
                ConnectedClient.protocolVersion(client.protocolLevel()), client.passwordId(),
                client.certificateFingerprint(), LogText.clip(topic, LogText.TOPIC), LogText.clip(reason, LogText.REASON));
    }
}
